package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reading what threads wait on: the parser, then this very JVM's threads on Linux. */
class ThreadTableTest {
  private final Syscalls x86 = Syscalls.forArch("amd64");

  @Test
  void aReceiveIsAReadOnItsFirstArgument() {
    ThreadTable.Wait wait = ThreadTable.wait("45 0x5 0x7f7e08000bc0 0x400 0x0 0x0 0x0 0x7f7e0fefe8c0 0x7f7e102d0974", x86);
    assertThat(wait.waitClass()).isEqualTo("read");
    assertThat(wait.call()).isEqualTo("recvfrom");
    assertThat(wait.fd()).hasValue(5);
  }

  @Test
  void aPollKeepsItsArrayAddressAndDescriptorCount() {
    ThreadTable.Wait wait = ThreadTable.wait("7 0x7f528be748d8 0x1 0x186a0 0x0 0x0 0x0 0x7f 0x7f", x86);
    assertThat(wait.waitClass()).isEqualTo("poll");
    assertThat(wait.nfds()).isEqualTo(1);
    assertThat(wait.address()).isEqualTo(0x7f528be748d8L);
  }

  @Test
  void selectAndEpollAreMultiplexingWaits() {
    assertThat(ThreadTable.wait("232 0x4 0x7f 0x2 0xffffffffffffffff 0x0 0x0 0x7f 0x7f", x86).waitClass())
        .isEqualTo("multiplex");
    assertThat(ThreadTable.wait("23 0x6 0x7f 0x7f 0x0 0x7f 0x0 0x7f 0x7f", x86).call()).isEqualTo("select");
    assertThat(ThreadTable.wait("22 0x4 0x7f 0x2 0xffffffffffffffff 0x0 0x0 0x7f 0x7f",
        Syscalls.forArch("aarch64")).call()).isEqualTo("epoll_pwait");
  }

  @Test
  void aRunningThreadOrAnUnknownCallWaitsOnNothingKnown() {
    assertThat(ThreadTable.wait("running", x86).waitClass()).isEqualTo("running");
    assertThat(ThreadTable.wait("-1 0x7ffc 0x7f66", x86).waitClass()).isEqualTo("none");
    assertThat(ThreadTable.wait("999 0x1 0x2 0x3 0x4 0x5 0x6 0x7 0x8", x86).call()).isEqualTo("syscall-999");
    assertThat(ThreadTable.wait("0 0x5 0x1 0x2 0x0 0x0 0x0 0x7 0x8", Syscalls.forArch("riscv64")).waitClass())
        .isEqualTo("other");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aThreadBlockedReadingASocketIsSeenWaitingOnThatSocket() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket peer = server.accept()) {
      CountDownLatch reading = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (InputStream in = peer.getInputStream()) {
          reading.countDown();
          in.read();
        } catch (Exception ignored) {
          // closed by the test
        }
      }, "sockspec-reader");
      reader.setDaemon(true);
      reader.start();
      reading.await();
      int pid = (int) ProcessHandle.current().pid();
      String answer = "";
      long deadline = System.nanoTime() + 5_000_000_000L;
      // the reader is blocked in read() a moment after it counted down: poll for it, bounded
      String blockedReading = "\"comm\":\"sockspec-reader\",\"state\":\"S\",\"waitClass\":\"read\"";
      while (System.nanoTime() < deadline && !answer.contains(blockedReading)) {
        answer = Json.of(new ThreadTable(Syscalls.current()).list(pid));
      }
      assertThat(answer).contains(blockedReading);
      assertThat(answer).contains("\"inode\":" + inodeOf(server.getLocalPort(), client.getLocalPort()));
      client.getOutputStream().write(1);
      reader.join(5_000);
    }
  }

  /** The inode of the server side of the connection, as /proc/net/tcp lists it. */
  private static long inodeOf(int localPort, int remotePort) throws Exception {
    return ProcNetSockets.read(Map.of()).stream()
        .filter(s -> s.localPort() == localPort && s.remotePort() == remotePort)
        .mapToLong(s -> s.inode()).findFirst().orElseThrow();
  }
}
