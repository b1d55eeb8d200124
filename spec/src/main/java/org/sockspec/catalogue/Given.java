package org.sockspec.catalogue;

import java.util.List;
import java.util.OptionalLong;
import org.sockspec.bench.Bench;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.SocketTable;
import org.sockspec.bench.Target;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * The GIVEN steps the catalogue shares, with the diagnosis a student needs when they do not hold:
 * a server that never listens is told whether it crashed (status, output), bound another port or
 * protocol (from the socket table), or just never got there.
 */
final class Given {
  private Given() {}

  /** Starts the server under test and waits until it listens (TCP) or is bound (UDP) on the port. */
  static ServerUnderTest serverListening(Bench bench) {
    RunningProgram program = bench.start();
    if (bench.awaitServerReady(program)) {
      return new ServerUnderTest(bench, program);
    }
    throw whyNotListening(bench, program);
  }

  static CausedFailure whyNotListening(Bench bench, RunningProgram program) {
    Target target = bench.target();
    Protocol proto = target.kind().protocol();
    String wanted = proto == Protocol.TCP ? "listen on TCP port " + target.port() : "bind UDP port " + target.port();
    SocketTable table = bench.sockets();
    List<String> bound = table.programBindings();
    OptionalLong status = program.exitCode();
    StringBuilder why = new StringBuilder("Expecting the program to " + wanted + " within "
        + bench.timing().startup().toMillis() + " ms, but ");
    Cause cause;
    if (!bound.isEmpty()) {
      why.append("it holds ").append(String.join(", ", bound)).append(" instead.");
      Protocol other = proto.other();
      boolean otherProtocol = bound.stream().anyMatch(b -> b.startsWith(other.wire() + " ")
          && b.contains(":" + target.port()));
      cause = new Cause.ListensElsewhere(proto, target.port(), bound, otherProtocol);
      if (otherProtocol) {
        why.append(" It looks like a ").append(other.name()).append(" server: check it with --as ")
            .append(other.wire()).append('.');
      } else {
        why.append(" The lab's programs use port ").append(target.port())
            .append(" (or pass --port with the port your program uses).");
      }
    } else if (status.isPresent() && table.processes().program().isEmpty()) {
      cause = Cause.Exited.of(status.getAsLong(), wanted);
      why.append("it exited with status ").append(status.getAsLong()).append(" before it did.");
      String out = program.output().tail(12);
      why.append(out.isBlank() ? " It printed nothing." : " The end of its output:\n" + out);
    } else {
      cause = new Cause.NeverListened(proto, target.port(), bench.timing().startup().toMillis());
      why.append("it is still running and never did.");
      String out = program.output().tail(8);
      why.append(out.isBlank() ? " It printed nothing." : " It printed:\n" + out);
    }
    return new CausedFailure(cause, why.toString());
  }
}
