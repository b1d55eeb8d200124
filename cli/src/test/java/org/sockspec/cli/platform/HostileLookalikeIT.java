package org.sockspec.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.lookalike.Lookalike;

/**
 * Hostile submissions graded by the Gradescope package in its look-alike (root, no engine, no
 * network, the engine's default capabilities), where the process sandbox is all that stands between
 * them and the autograder: each gets the verdict its behaviour earns, for its reason, the whole run
 * is bounded, no process of theirs outlives it, and the results and the autograder's files are the
 * kit's alone.
 */
class HostileLookalikeIT {
  private static final Path HOSTILE = Path.of("../examples/hostile");
  /** What each hostile program earns on every spec that runs it: a verdict, and its reason. */
  private static final Map<String, String> CONTAINED = new LinkedHashMap<>();

  static {
    CONTAINED.put("fork_bomb", "limit process limit");
    CONTAINED.put("memory_balloon", "limit memory limit");
    CONTAINED.put("disk_filler", "limit disk limit (scratch space full)");
    CONTAINED.put("output_flood", "limit output limit");
    CONTAINED.put("ignores_sigterm", "passed ");
    CONTAINED.put("double_fork_daemon", "passed ");
    CONTAINED.put("kills_everything", "passed ");
    CONTAINED.put("writes_kit_files", "passed ");
  }

  /** The one spec of the tcp kind that runs no program: it passes whoever handed in what, and earns only for a program that runs. */
  private static final String NO_PROGRAM = "tcp.refused-without-server";

  @TempDir
  Path dir;

  /**
   * The holes a red team found in the Gradescope package (issue 22), each a hostile program or file
   * of one submission, graded in the look-alike: root is never the submission's (no module of its
   * folder or of /tmp is imported by root's Python, no root process of its outlives the run, the
   * results are the kit's), the kit's server survives a flood and the lane is reset after it, shared
   * memory is counted and removed, the evidence cannot be blinded, the kit's reference programs are
   * nowhere to run, what it leaves in /run/lock and /dev/mqueue is counted and removed, a large file
   * crosses, a program that never runs earns nothing, and a TIME_WAIT of its own costs it, not the
   * grader, more than one wait.
   */
  @Test
  void theHolesOfTheRedTeamAreClosed() throws Exception {
    Path submission = Files.createDirectories(dir.resolve("integrity"));
    for (String program : List.of("ipc_hog", "blinds_the_kit", "hides_descriptors", "fills_run_lock",
        "floods_kit_server", "never_listens", "connects_to_itself", "fakes_select", "fakes_threads", "fakes_fork",
        "hides_memory", "hides_disk")) {
      Files.copy(HOSTILE.resolve(program + ".py"), submission.resolve(program + ".py"));
    }
    Files.copy(HOSTILE.resolve("runs_the_reference.py"), submission.resolve("srv_tcp.py"));
    Files.copy(HOSTILE.resolve("shadows_stdlib/ctypes.py"), submission.resolve("ctypes.py"));
    byte[] capture = new byte[19 << 20];
    new java.util.Random(22).nextBytes(capture);
    Files.write(submission.resolve("capture.pcap"), capture);
    // The order matters for one of them only: the TIME_WAIT left by connects_to_itself.py would
    // hold the port for the programs after it, which are the same submission's (as it should).
    Path manifest = Files.writeString(dir.resolve("integrity.toml"), """
        title = "integrity"
        default_points = 1.0
        [programs]
        "ipc_hog.py" = "tcp"
        "blinds_the_kit.py" = "tcp"
        "hides_descriptors.py" = "tcp"
        "srv_tcp.py" = "tcp"
        "fills_run_lock.py" = "tcp"
        "floods_kit_server.py" = "client-udp"
        "never_listens.py" = "tcp"
        "fakes_select.py" = "tcp-select"
        "fakes_threads.py" = "tcp-threads"
        "fakes_fork.py" = "tcp-fork"
        "hides_memory.py" = "tcp"
        "hides_disk.py" = "tcp"
        "connects_to_itself.py" = "tcp"
        """);
    Path zip = dir.resolve("integrity.zip");
    assertThat(PlatformLookalikeIT.kit("autograder", "gradescope", "--lab", manifest.toString(), "--out",
        zip.toString())).isZero();

    Map<String, String> facts = new LinkedHashMap<>();
    long[] ms = new long[1];
    JsonNode results = PlatformLookalikeIT.gradescope(zip, submission, "integrity", """
        echo "FACT processes-of-the-sandbox-uids $(ps -eo uid= | awk '$1 >= 64000' | wc -l)"
        echo "FACT other-processes $(ps -eo pid=,args= | grep -v -e 'ps -eo' -e ' bash' -e grep -e ' wc' -e awk | wc -l)"
        echo "FACT root-marks $(ls /autograder/ROOT-BY-* /root/ROOT-BY-* /ROOT-BY-* 2>/dev/null | wc -l)"
        echo "FACT run-lock $(ls -A /run/lock | wc -l)"
        echo "FACT mqueue $(ls -A /dev/mqueue 2>/dev/null | wc -l)"
        echo "FACT planted-modules $(ls /tmp/socket.py /tmp/select.py /tmp/struct.py /tmp/time.py 2>/dev/null | wc -l)"
        echo "FACT shared-memory $(tail -n +2 /proc/sysvipc/shm | wc -l)"
        echo "FACT kit-folders-left $(ls -d /tmp/sockspec-* 2>/dev/null | wc -l)"
        ls -d /tmp/sockspec-* 2>/dev/null || true
        """, looked -> {
          ms[0] = looked.run().ms();
          looked.run().output().lines().filter(l -> l.startsWith("FACT ")).map(l -> l.substring(5).split(" ", 2))
              .forEach(f -> facts.put(f[0], f[1].strip()));
        });

    Files.writeString(Path.of("target/integrity-lookalike-results.json"), results.toPrettyString());
    PlatformLookalikeIT.assertGradescopeFormat(results);
    assertThat(facts).as("what the submission left, after run_autograder").containsExactly(
        Map.entry("processes-of-the-sandbox-uids", "0"), Map.entry("other-processes", "0"),
        Map.entry("root-marks", "0"), Map.entry("run-lock", "0"), Map.entry("mqueue", "0"),
        Map.entry("planted-modules", "0"), Map.entry("shared-memory", "0"), Map.entry("kit-folders-left", "0"));
    double earned = 0;
    for (JsonNode test : results.path("tests")) {
      earned += test.path("score").asDouble();
    }
    assertThat(results.path("score").asDouble()).as("the score is the kit's").isEqualTo(earned);
    assertThat(results.path("output").asText()).doesNotContain("forged");

    Map<String, List<String>> cells = cells(results);
    // Shared memory counted and removed: the 450 MB segment of each spec is gone before the next.
    assertThat(cells.get("ipc_hog.py")).allMatch(seen -> seen.contains(" passed"));
    // Accepted at once is accepted, whatever the program does to the kit's helper or its own descriptors.
    assertThat(cells.get("blinds_the_kit.py")).contains("tcp.second-client-waits failed socket-state");
    assertThat(cells.get("hides_descriptors.py")).contains("tcp.second-client-waits crashed bench-broken",
        "tcp.sockets crashed bench-broken");
    // The kit's reference programs are nowhere to run: nothing earned.
    assertThat(cells.get("srv_tcp.py")).allMatch(seen -> seen.contains(" crashed exited")
        || seen.equals("tcp.refused-without-server not-earned"));
    // What it left in /run/lock counts against its disk limit (and was removed: see the facts above).
    assertThat(cells.get("fills_run_lock.py")).allMatch(seen -> seen.endsWith(" limit limit (disk limit (scratch space full))")
        || seen.equals("tcp.refused-without-server not-earned"));
    assertThat(cells.get("floods_kit_server.py")).allMatch(seen -> !seen.contains(" passed"));
    assertThat(cells.get("never_listens.py")).contains("tcp.refused-without-server not-earned");
    // A process model is told by who waits to read each client, not by who holds a socket: each
    // fake (found by a red team after the fixes) fails its model's spec for that reason.
    assertThat(cells.get("fakes_select.py")).contains("mtcp.select.single-process failed process-model");
    assertThat(cells.get("fakes_threads.py")).contains("mtcp.threads.single-process failed process-model");
    assertThat(cells.get("fakes_fork.py")).contains("mtcp.fork.process-per-client failed process-model");
    // Memory and disk no name or mapping shows (memfds, unlinked files held open) count against the limits.
    assertThat(cells.get("hides_memory.py")).allMatch(seen -> seen.endsWith(" limit limit (memory limit)")
        || seen.equals("tcp.refused-without-server not-earned"));
    assertThat(cells.get("hides_disk.py")).allMatch(seen -> seen.endsWith(" limit limit (disk limit (scratch space full))")
        || seen.equals("tcp.refused-without-server not-earned"));
    // One TIME_WAIT of its own waited for, then its specs that start it fail at once.
    assertThat(cells.get("connects_to_itself.py")).anyMatch(seen -> seen.endsWith(" failed own-time-wait"));
    assertThat(ms[0]).as("the whole run, ms").isLessThan(300_000);
  }

  /**
   * The red team's second and third rounds, after the first round's fixes: servers of another model
   * dressed up (a dup, an epoll in an epoll, decoys that poll for urgent data only or peek, reused
   * descriptor numbers, a thread per client with a forked decoy each), a file name that would knock
   * the root helper's answers out of step (a correct program graded after it must not pay), memory
   * and disk hidden where no process's size shows them, and clients that print answers unread.
   */
  @Test
  void theSecondRoundsHolesAreClosed() throws Exception {
    Path submission = Files.createDirectories(dir.resolve("round2"));
    for (String program : List.of("desyncs_the_helper", "fakes_select_dup", "fakes_threads_nested_epoll",
        "fakes_fork_pollpri", "hides_in_shared_mapping", "hides_in_flight", "hides_in_socket_buffers",
        "hides_disk_in_mapping", "fakes_select_peek", "fakes_threads_stale_tfd", "fakes_fork_thread_decoys",
        "hides_disk_in_page_mappings", "prints_without_reading", "prints_without_reading_udp")) {
      Files.copy(HOSTILE.resolve(program + ".py"), submission.resolve(program + ".py"));
    }
    Files.copy(HOSTILE.resolve("../python/srv_udp.py"), submission.resolve("srv_udp.py"));
    Path manifest = Files.writeString(dir.resolve("round2.toml"), """
        title = "integrity, round 2"
        default_points = 1.0
        [programs]
        "desyncs_the_helper.py" = "tcp"
        "srv_udp.py" = "udp"
        "fakes_select_dup.py" = "tcp-select"
        "fakes_threads_nested_epoll.py" = "tcp-threads"
        "fakes_fork_pollpri.py" = "tcp-fork"
        "hides_in_shared_mapping.py" = "tcp"
        "hides_in_flight.py" = "tcp"
        "hides_in_socket_buffers.py" = "tcp"
        "hides_disk_in_mapping.py" = "tcp"
        "fakes_select_peek.py" = "tcp-select"
        "fakes_threads_stale_tfd.py" = "tcp-threads"
        "fakes_fork_thread_decoys.py" = "tcp-fork"
        "hides_disk_in_page_mappings.py" = "tcp"
        "prints_without_reading.py" = "client-tcp"
        "prints_without_reading_udp.py" = "client-udp"
        """);
    Path zip = dir.resolve("round2.zip");
    assertThat(PlatformLookalikeIT.kit("autograder", "gradescope", "--lab", manifest.toString(), "--out",
        zip.toString())).isZero();

    JsonNode results = PlatformLookalikeIT.gradescope(zip, submission, "round2", "", looked -> { });
    Files.writeString(Path.of("target/integrity-round2-results.json"), results.toPrettyString());
    PlatformLookalikeIT.assertGradescopeFormat(results);
    Map<String, List<String>> cells = cells(results);
    // The helper's answers stay in step: the correct server graded after the hostile one is whole.
    assertThat(cells.get("srv_udp.py")).allMatch(seen -> seen.contains(" passed"));
    // Who waits to read each client, by socket (not descriptor), by what the wait asks for, through nested epolls.
    assertThat(cells.get("fakes_select_dup.py")).contains("mtcp.select.single-process failed process-model");
    assertThat(cells.get("fakes_threads_nested_epoll.py")).contains("mtcp.threads.single-process failed process-model");
    assertThat(cells.get("fakes_fork_pollpri.py")).contains("mtcp.fork.process-per-client failed process-model");
    // What the container's memory cgroup charges beyond the kit's own processes is the program's.
    for (String hider : List.of("hides_in_shared_mapping.py", "hides_in_flight.py", "hides_in_socket_buffers.py")) {
      assertThat(cells.get(hider)).as(hider).allMatch(seen -> seen.endsWith(" limit limit (memory limit)")
          || seen.equals("tcp.refused-without-server not-earned"));
    }
    for (String hider : List.of("hides_disk_in_mapping.py", "hides_disk_in_page_mappings.py")) {
      assertThat(cells.get(hider)).as(hider).allMatch(seen -> seen.endsWith(" limit limit (disk limit (scratch space full))")
          || seen.equals("tcp.refused-without-server not-earned"));
    }
    // The third round: a wait on a client's socket is a wait on it (a peek too), an epoll member is
    // the inode the kernel names, a process per client waits on one client only.
    assertThat(cells.get("fakes_select_peek.py")).contains("mtcp.select.single-process failed process-model");
    assertThat(cells.get("fakes_threads_stale_tfd.py")).contains("mtcp.threads.single-process failed process-model");
    assertThat(cells.get("fakes_fork_thread_decoys.py")).contains("mtcp.fork.process-per-client failed process-model");
    // A client that prints the answers without reading them leaves them in its receive queue.
    assertThat(cells.get("prints_without_reading.py")).contains("client.tcp.exchange failed socket-state");
    assertThat(cells.get("prints_without_reading_udp.py")).contains("client.udp.exchange failed socket-state");
  }

    /**
   * Per program, each of its specs as "spec verdict cause (reason of a limit)", from the grader's
   * facts in results.json; none may be a kit error.
   */
  private static Map<String, List<String>> cells(JsonNode results) {
    Map<String, List<String>> cells = new LinkedHashMap<>();
    for (JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
      String seen = cell.path("spec").asText() + " " + cell.path("verdict").asText()
          + (cell.path("cause").path("kind").isMissingNode() ? "" : " " + cell.path("cause").path("kind").asText())
          + (cell.path("verdict").asText().equals("limit") ? " (" + cell.path("reason").asText() + ")" : "");
      cells.computeIfAbsent(cell.path("program").asText(), k -> new ArrayList<>()).add(seen);
      System.out.println(cell.path("program").asText() + " " + seen + " (" + cell.path("reason").asText() + ")");
      assertThat(cell.path("verdict").asText()).as(cell.path("program").asText() + " " + seen).isNotEqualTo("kit-error");
    }
    return cells;
  }

  @Test
  void hostileProgramsAreContainedByTheProcessSandbox() throws Exception {
    Path submission = Files.createDirectories(dir.resolve("hostile"));
    StringBuilder lab = new StringBuilder("title = \"hostile\"\ndefault_points = 1.0\n[programs]\n");
    for (String program : CONTAINED.keySet()) {
      Files.copy(HOSTILE.resolve(program + ".py"), submission.resolve(program + ".py"));
      lab.append('"').append(program).append(".py\" = \"tcp\"\n");
    }
    Path manifest = Files.writeString(dir.resolve("hostile.toml"), lab);
    Path zip = dir.resolve("autograder.zip");
    assertThat(PlatformLookalikeIT.kit("autograder", "gradescope", "--lab", manifest.toString(), "--out",
        zip.toString())).isZero();

    List<String> leftover = new ArrayList<>();
    long[] ms = new long[1];
    byte[][] labAfter = new byte[1][];
    JsonNode results = PlatformLookalikeIT.gradescope(zip, submission, "hostile", """
        echo "LEFTOVER $(ps -eo uid= | awk '$1 >= 64000' | wc -l)"
        """, looked -> {
          ms[0] = looked.run().ms();
          looked.run().output().lines().filter(l -> l.startsWith("LEFTOVER ")).forEach(leftover::add);
          labAfter[0] = looked.box().read("/autograder/source/lab.toml");
        });

    Files.writeString(Path.of("target/hostile-lookalike-results.json"), results.toPrettyString());
    for (JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
      System.out.println(cell.path("program").asText() + " " + cell.path("spec").asText() + ": "
          + cell.path("verdict").asText() + " (" + cell.path("reason").asText() + ")");
    }
    PlatformLookalikeIT.assertGradescopeFormat(results);
    assertThat(leftover).as("processes of the sandbox's uids left after run_autograder").containsExactly("LEFTOVER 0");
    assertThat(new String(labAfter[0], StandardCharsets.UTF_8)).isEqualTo(Files.readString(manifest));
    double earned = 0;
    for (JsonNode test : results.path("tests")) {
      earned += test.path("score").asDouble();
    }
    assertThat(results.path("score").asDouble()).as("the score is the kit's, not a program's").isEqualTo(earned)
        .isLessThan(results.path("extra_data").path("sockspec").path("max_score").asDouble());
    // Eight programs of six specs, one at a time in the platform's one network namespace: bounded
    // by the specs' own deadlines, not by what the programs do.
    assertThat(ms[0]).as("the whole run, ms").isLessThan(360_000);
    for (Map.Entry<String, String> expected : CONTAINED.entrySet()) {
      String[] verdictAndReason = expected.getValue().split(" ", 2);
      int cells = 0;
      for (JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
        if (!cell.path("program").asText().equals(expected.getKey() + ".py")) {
          continue;
        }
        cells++;
        String seen = cell.path("spec").asText() + ": " + cell.path("verdict").asText() + " ("
            + cell.path("reason").asText() + ")";
        if (cell.path("spec").asText().equals(NO_PROGRAM)) {
          // It starts no program: it earns its points only for a program that runs (passes a spec).
          assertThat(cell.path("verdict").asText()).as(expected.getKey() + " " + seen)
              .isEqualTo(verdictAndReason[0].equals("passed") ? "passed" : "not-earned");
        } else {
          assertThat(cell.path("verdict").asText()).as(expected.getKey() + " " + seen).isEqualTo(verdictAndReason[0]);
          assertThat(cell.path("reason").asText()).as(expected.getKey() + " " + seen).isEqualTo(verdictAndReason[1]);
        }
      }
      assertThat(cells).as("specs graded for " + expected.getKey()).isEqualTo(6);
    }
  }
  /**
   * A hostile Makefile's builds in the Gradescope look-alike (the process sandbox, as root in the
   * platform's container): a fork bomb, a loop, a disk filler, an output flood, a memory balloon and
   * a build that kills every process it can see are each stopped at their limit or bound and charged
   * to their program; the build that writes outside its folder (the results, /tmp/socket.py), leaves a
   * process behind and links to files outside, builds and passes; results.json is the kit's.
   */
  @Test
  void hostileBuildsAreContainedByTheProcessSandbox() throws Exception {
    Path submission = Files.createDirectories(dir.resolve("builds"));
    Path folder = HOSTILE.resolve("builds");
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.copy(file, submission.resolve(file.getFileName()));
      }
    }
    Path zip = dir.resolve("builds.zip");
    assertThat(PlatformLookalikeIT.kit("autograder", "gradescope", "--lab", folder.resolve("lab.toml").toString(),
        "--out", zip.toString())).isZero();
    List<String> after = new ArrayList<>();
    JsonNode results = PlatformLookalikeIT.gradescope(zip, submission, "builds", """
        echo "PWNED $(ls /tmp/pwned 2>/dev/null | wc -l)"
        echo "LEFTOVER $(ps -eo uid= | awk '$1 >= 64000' | wc -l)"
        """, looked -> looked.run().output().lines().filter(l -> l.startsWith("PWNED ") || l.startsWith("LEFTOVER "))
            .forEach(after::add));
    PlatformLookalikeIT.assertGradescopeFormat(results);
    Map<String, List<String>> cells = cells(results);
    assertThat(cells.get("srv_tcp.c")).allMatch(seen -> seen.endsWith(" passed"));
    assertThat(cells.get("plants_links.c")).allMatch(seen -> seen.endsWith(" passed"));
    // The loop is stopped at 120 s, or sooner where its program's share of the grading budget is less.
    Map<String, String> stoppedBy = Map.of("kills_all.c", "status 137", "fork_bomb.c", "process limit",
        "loops.c", "its bound of ", "fills_disk.c", "disk limit", "floods_output.c", "output bound",
        "eats_memory.c", "memory limit");
    stoppedBy.forEach((program, why) -> assertThat(cells.get(program)).as(program).isNotEmpty()
        .allMatch(seen -> seen.endsWith(" failed build-failed")));
    for (JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
      String why = stoppedBy.get(cell.path("program").asText());
      if (why != null) {
        assertThat(cell.path("reason").asText()).as(cell.path("program").asText()).startsWith("does not build")
            .contains(why);
      }
    }
    assertThat(after).containsExactly("PWNED 0", "LEFTOVER 0");
  }
}
