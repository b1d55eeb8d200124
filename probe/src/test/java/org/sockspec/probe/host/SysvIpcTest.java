package org.sockspec.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A program's System V IPC objects, found by owner or creator and removed as its uid. Made here
 * with util-linux's ipcmk as a uid of no one's (root only, as the sandboxes are): a shared memory
 * segment whose owner the creator hands to root with IPC_SET stays its creator's.
 */
class SysvIpcTest {
  private static final int UID = 64_999;

  @Test
  void aSegmentIsTheCreatorsWhateverItsOwnerAndIsRemovedAsItsUid() throws Exception {
    assumeTrue(UidProcesses.uidOf(ProcessHandle.current().pid()) == 0 && TrustedTools.has("ipcmk"),
        "needs root and util-linux's ipcmk");
    SysvIpc.remove(UID);
    run(TrustedTools.path("setpriv"), "--reuid=" + UID, "--regid=" + UID, "--clear-groups", "--",
        TrustedTools.path("ipcmk"), "-M", "4096");
    run(TrustedTools.path("setpriv"), "--reuid=" + UID, "--regid=" + UID, "--clear-groups", "--",
        TrustedTools.path("ipcmk"), "-Q");
    assertThat(SysvIpc.of(UID)).extracting(SysvIpc.IpcObject::kind).containsExactlyInAnyOrder("shm", "msg");
    // The owner handed to root (IPC_SET), as a program may: still found by its creator column.
    String shmid = SysvIpc.of(UID).stream().filter(o -> o.kind().equals("shm")).findFirst().orElseThrow().id();
    run(TrustedTools.path("python3"), "-I", "-S", "-c", HAND_TO_ROOT, shmid);

    assertThat(SysvIpc.of(UID)).extracting(SysvIpc.IpcObject::kind).contains("shm");
    assertThat(SysvIpc.remove(UID)).isEmpty();
    assertThat(SysvIpc.of(UID)).isEmpty();
  }

  /** shmctl(IPC_STAT) then IPC_SET with uid 0, as root (the owner may too): struct ipc_perm's uid is its second int. */
  private static final String HAND_TO_ROOT = """
      import ctypes, sys
      libc = ctypes.CDLL(None, use_errno=True)
      buf = ctypes.create_string_buffer(256)
      shmid = int(sys.argv[1])
      assert libc.shmctl(shmid, 2, buf) == 0, ctypes.get_errno()
      ctypes.c_uint.from_buffer(buf, 4).value = 0
      assert libc.shmctl(shmid, 1, buf) == 0, ctypes.get_errno()
      """;

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
  }
}
