package org.sockspec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sockspec.spec.Cause;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;

/**
 * Runs sockspec command lines in-process with a fake runner and engine, and keeps what they
 * printed: commands are tested without containers.
 */
final class CliFixture {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final List<RunRequest> requests = new ArrayList<>();
  private Function<SpecInfo, SpecResult> results = spec -> result(spec, spec.level(), Status.PASSED, "");
  private EngineGate engine = () -> { };

  /** Every planned spec ends as {@code results} says. */
  CliFixture results(Function<SpecInfo, SpecResult> results) {
    this.results = results;
    return this;
  }

  CliFixture engine(EngineGate engine) {
    this.engine = engine;
    return this;
  }

  int run(String... args) {
    SpecRunner runner = (request, listener) -> {
      requests.add(request);
      List<SpecResult> list = new ArrayList<>();
      for (SpecInfo spec : request.plan()) {
        listener.started(spec);
        SpecResult r = results.apply(spec);
        listener.finished(r);
        list.add(r);
      }
      return new RunReport(KitVersion.get(), request.kind().id(), request.target(), request.strict(), list, 5);
    };
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), runner, engine, false);
    return Main.run(context, args);
  }

  static SpecResult result(SpecInfo spec, Level level, Status status, String message) {
    return new SpecResult(spec.id(), level, spec.question(), spec.summary(), spec.hint(), status, message,
        status == Status.FAILED ? new Cause.NoAnswer("client A", 1000, "timeout", null) : null,
        status == Status.FAILED ? Map.of("transcript", "0 ms  bench ready") : Map.of(), 12);
  }
}
