package org.sockspec.impl.multi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sockspec.impl.Defect;
import org.sockspec.impl.testing.Peer;
import org.sockspec.impl.testing.Running;

/** {@link Defect#SERIAL}, for the servers it applies to. */
abstract class SerialDefectContract extends MultiClientServerContract {

    @Test
    void defectSerialLeavesTheSecondClientUnansweredUntilTheFirstEnds() {
        try (Running server = start(options().withDefect(Defect.SERIAL));
                Peer first = Peer.connect(server.port()); Peer second = Peer.connect(server.port())) {
            assertThat(first.exchange("one")).isEqualTo("Message received");
            second.send("two");
            second.assertSilentFor(SILENCE); // connected (backlog), yet not served
            assertThat(first.exchange("still me")).isEqualTo("Message received");
            assertThat(first.exchange("end")).isEqualTo("Message received");
            assertThat(second.receive()).isEqualTo("Message received"); // served at last
        }
    }
}
