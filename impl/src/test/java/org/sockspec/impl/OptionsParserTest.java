package org.sockspec.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsParserTest {

    @Test
    void withoutOptionsTheHandoutsDefaultsApply() throws UsageException {
        Options options = OptionsParser.parse(Command.SRV_TCP, List.of());
        assertThat(options.port()).isEqualTo(12800);
        assertThat(options.protocol()).isEqualTo(LabProtocol.HANDOUT);
        assertThat(options.defect()).isEmpty();
    }

    @Test
    void portAnswerAndDefectAreReadInBothSpellings() throws UsageException {
        Options options = OptionsParser.parse(Command.SRV_UDP,
                List.of("--port", "4000", "--answer=OK", "--defect", "no-truncation"));
        assertThat(options.port()).isEqualTo(4000);
        assertThat(options.protocol().answer().isConstant("OK")).isTrue();
        assertThat(options.plants(Defect.NO_TRUNCATION)).isTrue();
        assertThat(OptionsParser.parse(Command.SRV_UDP, List.of("--port=0")).port()).isZero();
    }

    @Test
    void aClientKeepsItsPositionalArgumentsForItsOwnCheck() throws UsageException {
        assertThat(OptionsParser.parse(Command.CLIENT_TCP, List.of("--port", "9", "localhost"))
                .arguments()).containsExactly("localhost");
        assertThat(OptionsParser.parse(Command.CLIENT_TCP, List.of("a", "b")).arguments())
                .containsExactly("a", "b");
        assertThat(OptionsParser.parse(Command.CLIENT_TCP, List.of("--", "--odd-host"))
                .arguments()).containsExactly("--odd-host");
    }

    @Test
    void aPortOutOfRangeOrNotANumberIsAUsageError() {
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("--port", "65536")))
                .isInstanceOf(UsageException.class).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("--port", "x")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("--port")))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
    }

    @Test
    void unknownAndInapplicableDefectsAreUsageErrorsNamingWhy() {
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("--defect", "nope")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown defect 'nope'");
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP,
                List.of("--defect", "no-truncation")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("does not apply to srv_tcp (only to srv_udp)");
    }

    @Test
    void theLabsProtocolIsReadAndAClientTakesWhatItNeedsToTalk() throws UsageException {
        Options server = OptionsParser.parse(Command.SRV_UDP, List.of("--answer", "template:Eho={msg}", "--framing",
                "line", "--end", "quit", "--end-answered", "no", "--after-end", "close", "--udp-buffer", "1024",
                "--greeting", "hi"));
        LabProtocol protocol = server.protocol();
        assertThat(protocol.answer().written()).isEqualTo("template:Eho={msg}");
        assertThat(protocol.lines()).isTrue();
        assertThat(protocol.end()).contains("quit");
        assertThat(protocol.endAnswered()).isFalse();
        assertThat(protocol.afterEnd()).contains("close");
        assertThat(protocol.udpBuffer()).isEqualTo(1024);
        assertThat(protocol.greeting()).contains("hi");
        assertThat(OptionsParser.parse(Command.SRV_TCP, protocol.arguments()).protocol()).isEqualTo(protocol);
        assertThat(OptionsParser.parse(Command.CLIENT_TCP, List.of("--answer", "none", "--end", "none", "h"))
                .protocol().end()).isEmpty();
        assertThat(OptionsParser.parse(Command.SRV_TCP, List.of("--answer", "echo")).protocol().answer().written())
                .isEqualTo("echo");
        assertThat(OptionsParser.parse(Command.SRV_TCP, List.of("--answer", "constant:echo")).protocol().answer()
                .isConstant("echo")).isTrue();
    }

    @Test
    void aProtocolMistakeIsAUsageErrorSayingWhatIsValid() {
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("--answer", "template:no-msg")))
                .isInstanceOf(UsageException.class).hasMessageContaining("{msg}");
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("--framing", "crlf")))
                .isInstanceOf(UsageException.class).hasMessageContaining("raw or line");
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_UDP, List.of("--udp-buffer", "70000")))
                .isInstanceOf(UsageException.class).hasMessageContaining("65507");
    }

    @Test
    void afterEndIsAServerOptionAndServersTakeNoArguments() {
        assertThatThrownBy(() -> OptionsParser.parse(Command.CLIENT_TCP, List.of("--after-end", "exit")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("localhost")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> OptionsParser.parse(Command.SRV_TCP, List.of("--verbose")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option");
    }
}
