package org.sockspec.probe;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.sockspec.probe.protocol.ProbeAnswer.CaptureStarted;
import org.sockspec.probe.protocol.ProbeAnswer.Captured;
import org.sockspec.probe.host.TrustedTools;

/**
 * The packet capture of the specs of one lane: {@code capture.py} (a packet socket on the
 * loopback, in Python, which the lab's machines all have) runs in the target's network namespace
 * as long as the probe, and writes every frame as a pcap record. A spec's capture is the records
 * between two marks the probe asks for (each answered once every frame queued before it is
 * written), so a capture costs a round trip to the script, not a new process.
 */
final class Capture {
  /** Bytes of each frame kept: the headers and the first bytes of a payload, which is what a ladder shows. */
  static final int SNAP = 256;
  /**
   * A spec's capture is kept up to this size; past it the rest of its traffic is not kept. Small
   * enough that a program flooding its loopback cannot exhaust the probe's memory with it (the
   * answer carries it once more, in base64), large enough for thousands of frames of a ladder.
   */
  private static final int MAX_BYTES = 2 << 20;
  private static final long MARK = 0xFFFFFFFFL;
  /** How long a mark may take to come back: the script only has to write what is queued. */
  private static final long MARK_WAIT_MS = 5_000;
  private static final String SCRIPT = script();
  private Process process;
  private OutputStream commands;
  private String unavailable;
  private byte[] header;
  private ByteArrayOutputStream records;
  private boolean capturing;
  private boolean truncated;
  private long marksAsked;
  private long marksSeen;
  /** Where its script is written: a folder only root may enter, or null for a new one in the temporary folder. */
  private final java.nio.file.Path work;

  Capture(java.nio.file.Path work) {
    this.work = work;
  }

  /** Starts capturing a spec's traffic; answers whether it could, and why not. */
  synchronized CaptureStarted start() throws IOException {
    if (!running()) {
      return new CaptureStarted(false, unavailable, 0);
    }
    mark();
    records = new ByteArrayOutputStream();
    truncated = false;
    capturing = true;
    Instant now = Instant.now();
    return new CaptureStarted(true, null, now.getEpochSecond() * 1_000_000_000L + now.getNano());
  }

  /** Stops capturing and answers the spec's capture as a pcap file (nothing when it was not capturing). */
  synchronized Captured stop() {
    if (!capturing) {
      return new Captured(false, new byte[0], false);
    }
    try {
      mark();
    } catch (IOException e) {
      // the script is gone: what it wrote so far is the capture
    }
    capturing = false;
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(header);
    file.writeBytes(records.toByteArray());
    records = null;
    return new Captured(true, file.toByteArray(), truncated);
  }

  /** Whether the script runs, starting it the first time; when it cannot, {@link #unavailable} says why. */
  private boolean running() throws IOException {
    if (process != null && process.isAlive()) {
      return true;
    }
    if (unavailable != null) {
      return false;
    }
    if (SCRIPT == null) {
      unavailable = "the probe has no capture script";
      return false;
    }
    Process started;
    try {
      // Isolated (-I: no script folder, working folder or PYTHON* variable on its path) and without
      // site (-S), from a folder only root can write: the program cannot put a module in its way.
      ProcessBuilder builder = new ProcessBuilder(TrustedTools.path("python3"), "-I", "-S", scriptFile(),
          Integer.toString(SNAP)).directory(new java.io.File("/"));
      builder.environment().clear();
      builder.environment().put("PATH", TrustedTools.trustedPath());
      started = builder.start();
    } catch (IOException e) {
      unavailable = "cannot run python3: " + e.getMessage();
      return false;
    }
    BufferedReader status = new BufferedReader(new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8));
    String first = status.readLine();
    if (!"ready".equals(first)) {
      started.destroyForcibly();
      unavailable = first == null ? "the capture ended at once" : first.startsWith("unavailable: ")
          ? "the sandbox cannot open a packet socket here (it needs root with CAP_NET_RAW in the program's "
              + "network namespace): " + first.substring("unavailable: ".length()) : first;
      return false;
    }
    DataInputStream in = new DataInputStream(started.getInputStream());
    header = in.readNBytes(24);
    process = started;
    commands = started.getOutputStream();
    Thread reader = new Thread(() -> read(in), "capture");
    reader.setDaemon(true);
    reader.start();
    return true;
  }

  /** Asks for a mark and waits until it comes back: every frame before it is then in {@link #records}. */
  private void mark() throws IOException {
    long asked = ++marksAsked;
    commands.write(("mark " + asked + "\n").getBytes(StandardCharsets.US_ASCII));
    commands.flush();
    long deadline = System.currentTimeMillis() + MARK_WAIT_MS;
    while (marksSeen < asked) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0 || !process.isAlive()) {
        throw new IOException("the capture did not answer its mark within " + MARK_WAIT_MS + " ms");
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the capture");
      }
    }
  }

  /** Reads the script's records: a spec's go to its capture, marks wake {@link #mark}. */
  private void read(DataInputStream in) {
    byte[] recordHeader = new byte[16];
    try (in) {
      while (true) {
        in.readFully(recordHeader);
        ByteBuffer fields = ByteBuffer.wrap(recordHeader).order(ByteOrder.LITTLE_ENDIAN);
        long seconds = fields.getInt(0) & 0xffffffffL;
        int kept = fields.getInt(8);
        if (seconds == MARK) {
          synchronized (this) {
            marksSeen = fields.getInt(4) & 0xffffffffL;
            notifyAll();
          }
          continue;
        }
        byte[] frame = in.readNBytes(kept);
        synchronized (this) {
          if (capturing && records.size() + 16 + frame.length <= MAX_BYTES) {
            records.writeBytes(recordHeader);
            records.writeBytes(frame);
          } else if (capturing) {
            truncated = true;
          }
        }
      }
    } catch (IOException e) {
      synchronized (this) {
        notifyAll(); // the script ended: a waiting mark gives up at once
      }
    }
  }

  /**
   * The script as a file of the probe's own, so that the process table shows it as {@code python3
   * -I -S /tmp/sockspec-probe-....../capture.py 256}, the probe's child, not the whole script: in a
   * folder of its own that only root may enter (the temporary folder is the program's too), the one
   * the probe was given where it runs beside other lanes (removed with them).
   */
  private String scriptFile() throws IOException {
    java.nio.file.attribute.FileAttribute<?> rootOnly = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    java.nio.file.Path folder = work == null ? java.nio.file.Files.createTempDirectory("sockspec-probe-", rootOnly)
        : java.nio.file.Files.createDirectories(work, rootOnly);
    java.nio.file.Path file = folder.resolve("capture.py");
    java.nio.file.Files.writeString(file, SCRIPT);
    if (work == null) {
      file.toFile().deleteOnExit();
      folder.toFile().deleteOnExit();
    }
    return file.toString();
  }

  private static String script() {
    try (InputStream in = Capture.class.getResourceAsStream("capture.py")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
