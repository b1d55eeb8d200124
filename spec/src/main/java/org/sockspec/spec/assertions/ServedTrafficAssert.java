package org.sockspec.spec.assertions;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.ServedLog;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on what a client under test sent to the kit's server. */
public final class ServedTrafficAssert extends AbstractAssert<ServedTrafficAssert, ServedTraffic> {
  private Duration window;

  ServedTrafficAssert(ServedTraffic actual) {
    super(actual, ServedTrafficAssert.class);
  }

  /** The window the traffic was awaited in, quoted by the messages. */
  public ServedTrafficAssert within(Duration waited) {
    this.window = waited;
    return this;
  }

  public ServedTrafficAssert hasConnection() {
    isNotNull();
    if (!actual.connected()) {
      throw CausedFailure.of(new Cause.NoConnection(actual.port(), windowMs(), status()),
          "Expecting the client to connect to the kit's TCP server on 127.0.0.1:%d%s, but no "
          + "connection came, and the client %s", actual.port(), inWindow(), clientState());
    }
    return this;
  }

  /** Message number {@code index} (from 0) is exactly {@code line}, the line typed without its newline. */
  public ServedTrafficAssert hasMessage(int index, String line) {
    isNotNull();
    List<ServedLog.Event> messages = actual.messages();
    byte[] wanted = Bytes.utf8(line);
    String expecting = String.format("Expecting the typed line \"%s\" to reach the kit's %s server as one %s of "
        + "exactly %s (the line, without its newline)", line, actual.proto().name(),
        actual.proto() == Protocol.UDP ? "datagram" : "message", Bytes.describe(wanted));
    if (messages.size() <= index) {
      throw CausedFailure.of(new Cause.NoMessage(actual.proto(), index, windowMs(), status()),
          "%s%s, but %s, and the client %s", expecting, inWindow(),
          index == 0 ? "nothing came" : "nothing more came after " + index + " message" + (index == 1 ? "" : "s"),
          clientState());
    } else if (!Arrays.equals(messages.get(index).data(), wanted)) {
      throw CausedFailure.of(new Cause.WrongMessage(actual.proto(), Bytes.show(wanted),
          Bytes.show(messages.get(index).data())), "%s, but it received %s.", expecting,
          Bytes.describe(messages.get(index).data()));
    }
    return this;
  }

  private String clientState() {
    var code = actual.client().exitCode();
    String tail = actual.client().output().tail(6);
    String output = tail.isBlank() ? " It printed nothing." : " Its output ends with:\n" + tail;
    String side = actual.sideEvidence().isBlank() ? "" : " Meanwhile " + actual.sideEvidence() + ".";
    return (code.isPresent() ? "exited with status " + code.getAsLong() + "." : "is still running.") + side + output;
  }

  private Long windowMs() {
    return window == null ? null : window.toMillis();
  }

  private Long status() {
    var code = actual.client().exitCode();
    return code.isPresent() ? code.getAsLong() : null;
  }

  private String inWindow() {
    return window == null ? "" : " within " + window.toMillis() + " ms";
  }
}
