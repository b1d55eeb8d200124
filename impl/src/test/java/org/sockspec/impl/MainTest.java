package org.sockspec.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sockspec.impl.testing.Output;

class MainTest {

    private final Output out = new Output();
    private final Output err = new Output();

    private int run(String... args) {
        return Main.run(args, new Stdio(InputStream.nullInputStream(), out.stream(), err.stream()));
    }

    @Test
    void listDefectsPrintsNameProgramsAndDescriptionPerLine() {
        assertThat(run("--list-defects")).isEqualTo(ExitStatus.OK);
        assertThat(out.lines()).hasSize(Defect.values().length)
                .allSatisfy(line -> assertThat(line.split("\t")).hasSize(3))
                .contains("no-truncation\tsrv_udp\treceives into a 65535-byte buffer: long datagrams"
                        + " are not cut");
    }

    @Test
    void noArgumentsOrAnUnknownProgramIsAUsageError() {
        assertThat(run()).isEqualTo(ExitStatus.USAGE);
        assertThat(err.lines()).singleElement().asString().startsWith("usage:");
        assertThat(run("srv_tcp.py")).isEqualTo(ExitStatus.USAGE);
        assertThat(err.lines().get(1)).contains("unknown program 'srv_tcp.py'");
    }

    @Test
    void helpListsTheProgramsAndEachProgramsHelpItsOptionsAndDefects() {
        assertThat(run("--help")).isEqualTo(ExitStatus.OK);
        assertThat(out.text()).contains("srv_tcp_fork", "client_udp");
        assertThat(run("srv_udp", "--help")).isEqualTo(ExitStatus.OK);
        assertThat(out.text()).contains("--answer RULE", "--udp-buffer N", "answers-wrong-port");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void anUnknownDefectIsOneLineAndStatusTwo(Command command) {
        assertThat(run(command.cliName(), "--defect", "no-such-defect")).isEqualTo(ExitStatus.USAGE);
        assertThat(err.lines()).singleElement().asString()
                .startsWith(command.cliName() + ": unknown defect 'no-such-defect'");
    }

    @Test
    void aDefectOfAnotherProgramIsOneLineAndStatusTwo() {
        assertThat(run("client_udp", "--defect", "swallows-refused", "localhost"))
                .isEqualTo(ExitStatus.USAGE);
        assertThat(err.lines()).singleElement().asString()
                .isEqualTo("client_udp: defect 'swallows-refused' does not apply to client_udp"
                        + " (only to client_tcp)");
    }

    @Test
    void everyDefectNamesAtLeastOneProgramAndIsKebabCase() {
        assertThat(Arrays.asList(Defect.values())).allSatisfy(defect -> {
            assertThat(defect.cliName()).matches("[a-z]+(-[a-z]+)*");
            assertThat(defect.programs()).isNotEmpty();
            assertThat(Defect.named(defect.cliName())).hasValue(defect);
        });
    }

    @Test
    void aClientWithoutItsHostPrintsTheHandoutsUsageLineOnStdoutAndExitsTwo() {
        assertThat(run("client_tcp")).isEqualTo(ExitStatus.USAGE);
        assertThat(out.lines())
                .containsExactly("Only one argument: the dest hostname/IP address as string");
        assertThat(err.lines()).isEmpty();
    }

    @Test
    void withNoUsageCheckTheMissingHostIsACrashWithStatusOne() {
        assertThat(run("client_udp", "--defect", "no-usage-check")).isEqualTo(ExitStatus.FAILURE);
        assertThat(out.lines()).doesNotContain(
                "Only one argument: the dest hostname/IP address as string");
        assertThat(err.text()).contains("IndexOutOfBoundsException", "\tat ");
    }
}
