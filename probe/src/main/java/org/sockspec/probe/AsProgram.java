package org.sockspec.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sockspec.probe.host.TrustedTools;

/**
 * What only a process's owner or a tracer may read in /proc (its file descriptors, its threads'
 * system calls and memory, its proportional memory), for where the probe is root without
 * CAP_SYS_PTRACE: an autograding platform's container. The container bench's probe has the
 * capability and never needs this.
 *
 * <p>Read by a helper of root's ({@code as_program.py}), one for the probe's life, that takes the
 * program's file-system uid only for each read: the program can neither signal it, nor open its
 * descriptors, nor write into its answers (see the script). A program can still make its own
 * processes unreadable (not dumpable): those are answered as {@link Read#hidden()}, never as
 * "nothing", and what the kit decides from them is charged to the program. A helper that does not
 * answer within its bound is ended and started again at the next read; a read it lost is an error
 * of the probe's, never an empty answer.
 */
final class AsProgram {
  private static final String SCRIPT = script();
  /** errno of a read the kernel refused: the process is not the program's to read (not dumpable). */
  private static final Set<Integer> REFUSED = Set.of(1, 13);
  private static final long BOUND_MS = 5_000;
  /**
   * What a deleted file only a mapping keeps counts as on disk: the most a program may write into
   * one file (the process sandbox's file size limit, {@code prlimit --fsize}); its blocks cannot be
   * read without a capability a platform's container does not give.
   */
  static final long MAPPED_FILE_BOUND = 16L << 20;
  private final int uid;
  private Process helper;
  private OutputStream requests;
  private BlockingQueue<String> lines;

  AsProgram(int uid) {
    this.uid = uid;
  }

  /**
   * What a read gave: its fact lines, the pids whose facts the kernel withheld, and whether the
   * helper was lost on the way (then what it did not say is not known).
   */
  record Read(List<String> lines, Set<Integer> hidden, boolean lost) {}

  /** pid -> (fd -> link target) for {@code pids}, and the pids that could not be read. */
  record Fds(Map<Integer, Map<String, String>> links, Set<Integer> hidden) {}

  /** @throws ProbeException when the helper was lost: who holds what is then not known */
  Fds fds(List<Integer> pids) {
    Read read = ask("fds", pids);
    if (read.lost()) {
      throw new ProbeException("the helper that reads the program's descriptors did not answer within " + BOUND_MS + " ms");
    }
    Map<Integer, Map<String, String>> links = new HashMap<>();
    for (String line : read.lines()) {
      String[] f = line.split(" ", 4);
      // Only the pids asked about: an answer is never taken for another process's.
      if (f.length == 4 && f[0].equals("fd") && pids.contains(Integer.parseInt(f[1]))) {
        links.computeIfAbsent(Integer.parseInt(f[1]), k -> new HashMap<>()).put(f[2], unescaped(f[3]));
      }
    }
    return new Fds(links, read.hidden());
  }

  /**
   * pid -> proportional set size in bytes (Pss of /proc/PID/smaps_rollup) for {@code pids}; a pid
   * that could not be read is absent, and named in {@code hidden} when that was the program's doing
   * (not when the helper was lost).
   */
  record Pss(Map<Integer, Long> bytes, Set<Integer> hidden) {}

  Pss pss(List<Integer> pids) {
    Read read = ask("pss", pids);
    Map<Integer, Long> bytes = new HashMap<>();
    for (String line : read.lines()) {
      String[] f = line.split(" ");
      if (f.length == 3 && f[0].equals("pss")) {
        bytes.put(Integer.parseInt(f[1]), Long.parseLong(f[2]));
      }
    }
    return new Pss(bytes, read.lost() ? Set.of() : read.hidden());
  }

  /**
   * The memfds and deleted files the processes {@code pids} hold open: space they use that no name
   * leads to. Each counted once (by device and inode), with its allocated bytes.
   */
  record Held(Map<String, Long> memfd, Map<String, Long> deleted) {
    long memfdBytes() {
      return memfd.values().stream().mapToLong(Long::longValue).sum();
    }

    long deletedBytes() {
      return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  Held held(List<Integer> pids) {
    Read read = ask("held", pids);
    Map<String, Long> memfd = new HashMap<>();
    Map<String, Long> deleted = new HashMap<>();
    for (String line : read.lines()) {
      String[] f = line.split(" ");
      if (f.length == 4 && f[0].equals("held")) {
        long bytes = Long.parseLong(f[2]);
        switch (f[3]) {
          case "memfd" -> memfd.put(f[1], bytes);
          // Kept by a mapping only: the most its file may hold, what it reaches, or what its descriptor said.
          case "mapped" -> deleted.merge(f[1], Math.max(bytes, MAPPED_FILE_BOUND), Math::max);
          default -> deleted.merge(f[1], bytes, Math::max);
        }
      }
    }
    return new Held(memfd, deleted);
  }

  /**
   * One request of the helper's as it is written ({@code tasks PID}, {@code mem PID ADDR LEN},
   * {@code fdinfo PID FD}), for {@link ProcAccess.AsTheProgram}.
   *
   * @throws ProbeException when the helper was lost
   */
  Read read(String request) {
    String[] words = request.split(" ", 2);
    Read read = ask(words[0], words.length > 1 ? words[1] : "");
    if (read.lost()) {
      throw new ProbeException("the helper that reads the program's processes did not answer '" + words[0]
          + "' within " + BOUND_MS + " ms");
    }
    return read;
  }

  /**
   * Asks the helper {@code verb PID...} and reads its lines up to {@code end}, within the bound;
   * a helper that does not get there is ended, and the read is lost.
   */
  private Read ask(String verb, List<Integer> pids) {
    if (pids.isEmpty()) {
      return new Read(List.of(), Set.of(), false);
    }
    StringBuilder args = new StringBuilder();
    pids.forEach(pid -> args.append(args.length() == 0 ? "" : " ").append(pid));
    return ask(verb, args.toString());
  }

  private synchronized Read ask(String verb, String args) {
    long number = ++requestsAsked;
    String request = number + " " + verb + " " + args;
    List<String> got = new ArrayList<>();
    Set<Integer> hidden = new TreeSet<>();
    boolean lost = false;
    try {
      ensureRunning();
      requests.write((request + "\n").getBytes(StandardCharsets.US_ASCII));
      requests.flush();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MS);
      while (true) {
        String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null || line.equals(CLOSED)) {
          stop();
          lost = true;
          break;
        }
        if (line.startsWith("end")) {
          if (!line.equals("end " + number)) {
            // Out of step with its requests (it cannot be, as it escapes every name): what it said
            // may be another request's, so none of it is taken, and it is started afresh.
            stop();
            got.clear();
            hidden.clear();
            lost = true;
          }
          break;
        }
        if (line.startsWith("hidden ")) {
          String[] f = line.split(" ");
          if (f.length == 3 && REFUSED.contains(Integer.parseInt(f[2])) && hides(Integer.parseInt(f[1]))) {
            hidden.add(Integer.parseInt(f[1]));
          }
        } else if (line.startsWith("error ")) {
          lost = true; // it could not take the program's uid: nothing it reads would be the program's
        } else {
          got.add(line);
        }
      }
    } catch (IOException e) {
      stop();
      lost = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lost = true;
    }
    return new Read(got, hidden, lost);
  }

  private static final String CLOSED = "\0closed";
  /** The requests written so far: each is numbered, and its answer's end must carry its number. */
  private long requestsAsked;

  /** A name as the helper writes it: printable ASCII, every other byte as \\xNN (of its UTF-8). */
  static String unescaped(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 3 < text.length() && text.charAt(i + 1) == 'x') {
        try {
          bytes.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
          i += 3;
          continue;
        } catch (NumberFormatException notAnEscape) {
          // kept as it is
        }
      }
      bytes.write(c);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Whether the process keeps its descriptors from the kit: the kernel makes a process's
   * {@code /proc/PID/fd} root's when it is not dumpable, and also when it has no memory left (it is
   * exiting, or a zombie: then it hides nothing, its descriptors are going). A refusal counts as
   * hiding only for a process with its memory and a root-owned {@code fd}: the kernel's facts, read
   * by root, not the helper's.
   */
  static boolean hides(int pid) {
    try {
      Path proc = Path.of("/proc", Integer.toString(pid));
      int fdOwner = (Integer) java.nio.file.Files.getAttribute(proc.resolve("fd"), "unix:uid",
          java.nio.file.LinkOption.NOFOLLOW_LINKS);
      boolean hasMemory = !java.nio.file.Files.readString(proc.resolve("statm")).trim().startsWith("0 ");
      return fdOwner == 0 && hasMemory;
    } catch (IOException | RuntimeException e) {
      return false; // gone: nothing of it is hidden any more
    }
  }

  private void ensureRunning() throws IOException {
    if (helper != null && helper.isAlive()) {
      return;
    }
    ProcessBuilder builder = new ProcessBuilder(TrustedTools.path("python3"), "-I", "-S", "-c", SCRIPT,
        Integer.toString(uid)).directory(Path.of("/").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().put("PATH", TrustedTools.trustedPath());
    builder.environment().put("LANG", "C.UTF-8");
    helper = builder.start();
    requests = helper.getOutputStream();
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    lines = queue;
    InputStream answers = helper.getInputStream();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          queue.add(line);
        }
      } catch (IOException e) {
        // ended by stop()
      } finally {
        queue.add(CLOSED);
      }
    }, "as-program");
    reader.setDaemon(true);
    reader.start();
  }

  private void stop() {
    if (helper != null) {
      helper.destroyForcibly();
      helper = null;
    }
  }

  private static String script() {
    try (InputStream in = AsProgram.class.getResourceAsStream("as_program.py")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
