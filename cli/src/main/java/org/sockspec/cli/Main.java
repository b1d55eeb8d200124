package org.sockspec.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The sockspec command's entry point: {@code java -jar sockspec.jar COMMAND ...}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CliContext context = CliContext.system();
    routeJavaLogging(context);
    // A thread of a library that dies (a container engine call in a background thread) must not
    // print its stack trace among the reports; what matters surfaces as a spec's error.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (Handlers.debug()) {
        e.printStackTrace();
      }
    });
    if (needsEngine(args)) {
      context.engine().prepare();
    }
    int status = run(context, args);
    context.engine().release();
    context.out().flush();
    context.err().flush();
    // Testcontainers' and docker-java's threads are not all daemons: end the JVM explicitly.
    System.exit(status);
  }

  /** Whether the command line names a command that runs specs (not just its help). */
  static boolean needsEngine(String... args) {
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
        return false;
      }
    }
    return args.length > 0 && java.util.Set.of("check", "identify", "demo", "grade").contains(args[0])
        && !SandboxOption.asksForProcess(args);
  }

  /** Runs one command line and returns its exit status (see {@link ExitStatus}). */
  public static int run(CliContext context, String... args) {
    return commandLine(context).execute(args);
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new SockspecCommand(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(true);
    commandLine.setParameterExceptionHandler(new Handlers.Usage());
    commandLine.setExecutionExceptionHandler(new Handlers.Failure());
    return commandLine;
  }

  /**
   * JUnit logs through java.util.logging, whose default prints two lines and maybe a stack trace
   * per record: keep warnings, one line each, among sockspec's own messages.
   */
  private static void routeJavaLogging(CliContext context) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    root.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          String message = record.getMessage() == null ? "" : record.getMessage().lines().findFirst().orElse("");
          context.err().println("sockspec: note (" + record.getLoggerName() + "): " + message);
        }
      }

      @Override
      public void flush() {
        context.err().flush();
      }

      @Override
      public void close() {
        flush();
      }
    });
  }
}
