package org.sockspec.impl.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients arriving together at the fork server, which needs {@code net.ipv4.tcp_migrate_req=1}
 * (see {@link ForkServer}). Where this JVM's network namespace has it, the check runs here;
 * otherwise it runs in a child JVM in a private network namespace where it is set
 * ({@code unshare --net}, as root, or with a user namespace where those are allowed), and is
 * skipped, saying why, where neither is possible.
 */
class ClientsArrivingTogetherTest {

    private static final String MIGRATE_REQ = "/proc/sys/net/ipv4/tcp_migrate_req";
    private static final String SETUP =
            "ip link set lo up && sysctl -qw net.ipv4.tcp_migrate_req=1";
    private static final List<List<String>> UNSHARE = List.of(
            List.of("unshare", "--net"), List.of("unshare", "--map-root-user", "--net"));
    private static final long CHILD_SECONDS = 60;

    @Test
    void threeClientsArrivingTogetherAreEachAnsweredByTheirOwnProcess() throws Exception {
        List<String> report = migrationEnabledHere() ? BurstCheck.run() : inPrivateNamespace();
        long self = Long.parseLong(value(report, "self").get(0));
        assertThat(value(report, "answer")).as("answers, in %s", report)
                .containsExactly("Message received", "Message received", "Message received");
        List<Long> owners = value(report, "owner").stream().map(Long::parseLong).toList();
        assertThat(owners).as("server-side owners, in %s", report)
                .hasSize(3).doesNotHaveDuplicates().doesNotContain(self, -1L);
        assertThat(value(report, "listeners")).as("listeners, in %s", report).singleElement()
                .matches(listeners -> listeners.matches("\\[\\d+]"))
                .matches(listeners -> owners.stream().noneMatch(o -> listeners.contains("" + o)));
    }

    private static List<String> value(List<String> report, String key) {
        return report.stream().filter(line -> line.startsWith(key + " "))
                .map(line -> line.substring(key.length() + 1)).toList();
    }

    private static boolean migrationEnabledHere() throws IOException {
        Path sysctl = Paths.get(MIGRATE_REQ);
        return Files.exists(sysctl) && Files.readString(sysctl).trim().equals("1");
    }

    private static List<String> inPrivateNamespace() throws Exception {
        Optional<List<String>> unshare = UNSHARE.stream()
                .filter(prefix -> run(command(prefix, List.of("true")), 10).exitCode == 0)
                .findFirst();
        assumeTrue(unshare.isPresent(), "needs " + MIGRATE_REQ + " = 1 here, or a private"
                + " network namespace (unshare --net, ip, sysctl) to set it in");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result child = run(command(unshare.get(), List.of(java, "-cp",
                System.getProperty("java.class.path"), BurstCheck.class.getName())),
                CHILD_SECONDS);
        assertThat(child.exitCode).as("the check in a private namespace said:%n%s",
                String.join("\n", child.lines)).isZero();
        return child.lines;
    }

    /** {@code PREFIX sh -c 'SETUP && exec "$0" "$@"' COMMAND...}. */
    private static List<String> command(List<String> prefix, List<String> command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(Arrays.asList("sh", "-c", SETUP + " && exec \"$0\" \"$@\""));
        full.addAll(command);
        return full;
    }

    private record Result(int exitCode, List<String> lines) {
    }

    private static Result run(List<String> command, long seconds) {
        Path output = null;
        try {
            // To a file, not a pipe: the child can never block on a full pipe nobody reads yet.
            output = Files.createTempFile("sockspec-burst", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, List.of("timed out after " + seconds + " s: " + command));
            }
            return new Result(process.exitValue(),
                    Files.readString(output, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return new Result(-1, List.of("cannot run " + command + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, List.of("interrupted"));
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftInTmp) {
            // a temporary file, nothing depends on it
        }
    }
}
