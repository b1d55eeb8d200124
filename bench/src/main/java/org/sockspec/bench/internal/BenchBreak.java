package org.sockspec.bench.internal;

import java.util.Optional;

/**
 * What the engine and the kernel say about a bench that broke while a spec ran (the probe lost, an
 * exec session gone), and whose fault that is. A kit error must never be something the program
 * under test can cause: when it could have caused the break, the break is its verdict.
 *
 * <p>The target container holds nothing but the program and an init of the kit's that the program
 * cannot signal: if the target ended, the program ended it (through its limits, say). A probe that
 * stopped answering while the program hit its sandbox's limits is put on the program too. Only a
 * break with the engine unreachable, or with a healthy target whose limits were never hit, is the
 * kit's.
 *
 * @param engineAnswers whether the engine answered a ping after the break
 * @param target the target container's state, or null when the engine did not say
 * @param limits the kernel's counts of limits hit in the target, or null when unreadable
 */
public record BenchBreak(boolean engineAnswers, ContainerState target, LimitsHit limits) {

  /** A container as the engine inspected it. */
  public record ContainerState(boolean running, boolean oomKilled, long exitCode) {}

  /** The facts about {@code target}'s bench, asked of the engine now; {@code limits} since the spec began. */
  static BenchBreak of(com.github.dockerjava.api.DockerClient docker, TargetContainer target, LimitsHit limits) {
    try {
      docker.pingCmd().exec();
      com.github.dockerjava.api.command.InspectContainerResponse.ContainerState state =
          docker.inspectContainerCmd(target.id()).exec().getState();
      ContainerState facts = new ContainerState(Boolean.TRUE.equals(state.getRunning()),
          Boolean.TRUE.equals(state.getOOMKilled()), state.getExitCodeLong() == null ? -1 : state.getExitCodeLong());
      return new BenchBreak(true, facts, limits);
    } catch (RuntimeException e) {
      return new BenchBreak(false, null, null); // the engine itself failed: the kit's error
    }
  }

  /** Why the program is to blame, for a student; empty when the kit is. */
  public Optional<String> chargedToTheProgram() {
    if (!engineAnswers || target == null) {
      return Optional.empty();
    }
    if (!target.running()) {
      return Optional.of("the target container, which runs only your program and an init of the kit's, ended "
          + "while your program ran (exit code " + target.exitCode() + ")"
          + (target.oomKilled() ? ": its memory limit was exhausted and the kernel's out-of-memory killer fired" : ""));
    }
    if (limits != null && limits.any()) {
      return Optional.of("the kit's probe stopped answering while your program was at its sandbox's limits ("
          + limits.describe(SandboxLimits.DEFAULT).replace('\n', ';') + ")");
    }
    return Optional.empty();
  }
}
