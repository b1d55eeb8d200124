package org.sockspec.probe;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.sockspec.probe.protocol.ProbeAnswer.CaptureStarted;
import org.sockspec.probe.protocol.ProbeAnswer.Captured;

/**
 * The packet capture of one spec: {@code capture.py} (a packet socket on the loopback, in Python,
 * which the lab's machines all have) run by the probe in the target's network namespace, its pcap
 * kept in memory until the spec ends. One at a time; a start ends the one before.
 */
final class Capture {
  /** Bytes of each frame kept: the headers and the first bytes of a payload, which is what a ladder shows. */
  static final int SNAP = 256;
  /** A capture is kept up to this size; past it the rest of the spec's traffic is not kept. */
  private static final int MAX_BYTES = 8 << 20;
  private static final String SCRIPT = script();
  private Process process;
  private ByteArrayOutputStream pcap;
  private Thread reader;
  private boolean truncated;

  /** Starts capturing; answers whether it could, and why not. */
  synchronized CaptureStarted start() throws IOException {
    stop();
    if (SCRIPT == null) {
      return new CaptureStarted(false, "the probe has no capture script");
    }
    Process started;
    try {
      started = new ProcessBuilder("python3", "-c", SCRIPT, Integer.toString(SNAP)).start();
    } catch (IOException e) {
      return new CaptureStarted(false, "cannot run python3: " + e.getMessage());
    }
    BufferedReader status = new BufferedReader(new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Thread copy = new Thread(() -> copy(started.getInputStream(), bytes), "capture");
    copy.setDaemon(true);
    copy.start();
    String first = status.readLine();
    if (!"ready".equals(first)) {
      started.destroyForcibly();
      return new CaptureStarted(false, first == null ? "the capture ended at once"
          : first.startsWith("unavailable: ") ? "the sandbox cannot open a packet socket here (it needs root with "
              + "CAP_NET_RAW in the program's network namespace): " + first.substring("unavailable: ".length()) : first);
    }
    process = started;
    pcap = bytes;
    reader = copy;
    truncated = false;
    return new CaptureStarted(true, null);
  }

  /** Stops capturing and answers what it captured (nothing when it was not capturing). */
  synchronized Captured stop() {
    if (process == null) {
      return new Captured(false, new byte[0], false);
    }
    try {
      process.getOutputStream().close(); // the script's signal to stop, once it read what is queued
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      reader.join(2_000);
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    byte[] captured;
    synchronized (pcap) {
      captured = pcap.toByteArray();
    }
    Captured answer = new Captured(true, captured, truncated);
    process = null;
    pcap = null;
    reader = null;
    return answer;
  }

  private void copy(InputStream in, ByteArrayOutputStream into) {
    byte[] buffer = new byte[65_536];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (into) {
          if (into.size() + n <= MAX_BYTES) {
            into.write(buffer, 0, n);
          } else {
            truncated = true;
          }
        }
      }
    } catch (IOException e) {
      // the capture ended: what it wrote so far is kept
    }
  }

  private static String script() {
    try (InputStream in = Capture.class.getResourceAsStream("capture.py")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
