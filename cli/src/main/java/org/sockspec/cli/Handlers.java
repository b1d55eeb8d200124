package org.sockspec.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sockspec.bench.EngineUnavailableException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * How sockspec ends when it cannot do what was asked: one paragraph saying what is wrong and what
 * to do, and a fixed exit status; never a stack trace (unless SOCKSPEC_DEBUG is set, for the kit's
 * own developers).
 */
final class Handlers {
  private Handlers() {}

  /** Bad usage or input: exit status 2, the problem and where the usage is. */
  static final class Usage implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine command = ex.getCommandLine();
      PrintWriter err = command.getErr();
      String name = command.getCommandSpec().qualifiedName();
      StringBuilder message = new StringBuilder(name).append(": ");
      if (ex instanceof UnmatchedArgumentException unmatched && command.getCommandSpec().parent() == null
          && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
        message.append("unknown command '").append(unmatched.getUnmatched().get(0))
            .append("': say ").append(SockspecCommand.commands(command.getCommandSpec())).append('.');
      } else {
        message.append(sentence(ex.getMessage()));
      }
      if (ex instanceof UnmatchedArgumentException unmatched) {
        List<String> suggestions = unmatched.getSuggestions();
        if (!suggestions.isEmpty()) {
          message.append(" Did you mean ").append(String.join(" or ", suggestions)).append('?');
        }
      }
      message.append(" Run '").append(name).append(" --help' for the usage.");
      err.println(message);
      err.flush();
      return ExitStatus.USAGE;
    }
  }

  /** Containers cannot run, or the kit failed: exit status 3, never the program's verdict. */
  static final class Failure implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
      if (ex instanceof ParameterException usage) {
        // bad input found by a command's own checks (a missing file...), after parsing
        return new Usage().handleParseException(usage, parsed.originalArgs().toArray(String[]::new));
      }
      PrintWriter err = command.getErr();
      EngineUnavailableException engine = Endings.engineProblem(ex).orElse(null);
      if (engine != null) {
        err.println("sockspec: cannot run containers: " + sentence(engine.getMessage()));
      } else {
        err.println("sockspec: the kit failed: " + sentence(Endings.describe(ex)) + " This is a problem of "
            + "sockspec, not a verdict on your program; run it again, and if it persists report it (with "
            + "SOCKSPEC_DEBUG=1 set, sockspec shows where it happened).");
      }
      if (debug()) {
        ex.printStackTrace(err);
      }
      err.flush();
      return ExitStatus.CANNOT_RUN;
    }
  }

  static boolean debug() {
    String value = System.getenv("SOCKSPEC_DEBUG");
    return value != null && !value.isEmpty() && !value.equals("0");
  }

  /** The message as a sentence: a capital-free start is kept, a final period added if missing. */
  static String sentence(String message) {
    String text = message == null ? "" : message.strip();
    return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
  }
}
