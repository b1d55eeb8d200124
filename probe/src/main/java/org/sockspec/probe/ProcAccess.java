package org.sockspec.probe;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What only a process's owner or a tracer may read of one process: its descriptors, its threads'
 * system calls, its memory, a descriptor's fdinfo. {@link Direct} reads them itself (the probe may
 * trace: CAP_SYS_PTRACE, or the program is its own uid's); {@link AsTheProgram} through the root
 * helper that takes the program's file-system uid ({@link AsProgram}). {@link #hidden()} says when
 * the process kept them from the kit (not dumpable): never taken for "nothing".
 */
interface ProcAccess {
  /** fd -> link target. */
  Map<String, String> fds();

  /** tid -> its {@code syscall} line, for the threads still there. */
  Map<Integer, String> syscalls(List<Integer> tids);

  /** {@code length} bytes of its memory at {@code address}, when readable. */
  Optional<byte[]> memory(long address, int length);

  /** The lines of {@code /proc/PID/fdinfo/FD}. */
  List<String> fdinfo(int fd);

  /** Whether the process kept what was asked from the kit. */
  boolean hidden();

  /** Read by the probe itself. */
  final class Direct implements ProcAccess {
    private static final Path PROC = Path.of("/proc");
    private final int pid;

    Direct(int pid) {
      this.pid = pid;
    }

    /** Whether the probe may read the thread's system call (root needs CAP_SYS_PTRACE for another uid's). */
    static boolean traceable(int pid, int tid) {
      try {
        Files.readString(PROC.resolve(pid + "/task/" + tid + "/syscall"));
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public Map<String, String> fds() {
      Map<String, String> links = new HashMap<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
        for (Path fd : entries) {
          try {
            links.put(fd.getFileName().toString(), Files.readSymbolicLink(fd).toString());
          } catch (IOException e) {
            // closed while we looked
          }
        }
      } catch (IOException e) {
        // gone
      }
      return links;
    }

    @Override
    public Map<Integer, String> syscalls(List<Integer> tids) {
      Map<Integer, String> lines = new HashMap<>();
      for (int tid : tids) {
        try {
          lines.put(tid, Files.readString(PROC.resolve(pid + "/task/" + tid + "/syscall")).strip());
        } catch (IOException e) {
          // the thread ended while we looked
        }
      }
      return lines;
    }

    @Override
    public Optional<byte[]> memory(long address, int length) {
      try (RandomAccessFile mem = new RandomAccessFile(PROC.resolve(pid + "/mem").toFile(), "r")) {
        mem.seek(address);
        byte[] bytes = new byte[Math.max(0, length)];
        mem.readFully(bytes);
        return Optional.of(bytes);
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    @Override
    public List<String> fdinfo(int fd) {
      try {
        return Files.readAllLines(PROC.resolve(pid + "/fdinfo/" + fd));
      } catch (IOException e) {
        return List.of();
      }
    }

    @Override
    public boolean hidden() {
      return false;
    }
  }

  /** Read through the root helper, with the program's file-system uid. */
  final class AsTheProgram implements ProcAccess {
    private final AsProgram helper;
    private final int pid;
    private boolean hidden;

    AsTheProgram(AsProgram helper, int pid) {
      this.helper = helper;
      this.pid = pid;
    }

    @Override
    public Map<String, String> fds() {
      AsProgram.Fds read = helper.fds(List.of(pid));
      hidden |= !read.hidden().isEmpty();
      return read.links().getOrDefault(pid, Map.of());
    }

    @Override
    public Map<Integer, String> syscalls(List<Integer> tids) {
      AsProgram.Read read = helper.read("tasks " + pid);
      hidden |= !read.hidden().isEmpty();
      Map<Integer, String> lines = new HashMap<>();
      for (String line : read.lines()) {
        String[] f = line.split(" ", 3);
        if (f.length == 3 && f[0].equals("task")) {
          lines.put(Integer.parseInt(f[1]), AsProgram.unescaped(f[2]));
        }
      }
      return lines;
    }

    @Override
    public Optional<byte[]> memory(long address, int length) {
      AsProgram.Read read = helper.read("mem " + pid + " " + address + " " + length);
      hidden |= !read.hidden().isEmpty();
      return read.lines().stream().filter(line -> line.startsWith("bytes ")).findFirst()
          .map(line -> HexFormat.of().parseHex(line.substring("bytes ".length())))
          .filter(bytes -> bytes.length == length);
    }

    @Override
    public List<String> fdinfo(int fd) {
      AsProgram.Read read = helper.read("fdinfo " + pid + " " + fd);
      hidden |= !read.hidden().isEmpty();
      return read.lines().stream().filter(line -> line.startsWith("info "))
          .map(line -> AsProgram.unescaped(line.substring(5))).toList();
    }

    @Override
    public boolean hidden() {
      return hidden;
    }
  }
}
