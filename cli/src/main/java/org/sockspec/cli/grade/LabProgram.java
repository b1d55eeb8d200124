package org.sockspec.cli.grade;

import java.util.Optional;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;

/**
 * One program of a lab manifest: the file a student hands in, what it is checked as, and how it
 * talks (the lab's protocol, or this program's own where the manifest says so).
 *
 * @param file its name in a student's folder
 * @param kind what it is checked as
 * @param protocol the protocol it is judged by
 * @param port the port it uses
 * @param cmd how to start it, run by sh in its folder ({@code {port}} and a client's {@code {host}}
 *     replaced); empty: by its file's type
 * @param build how to build it, run by sh in a writable copy of its folder; empty: as its language says
 */
public record LabProgram(String file, Kind kind, LabProtocol protocol, int port, Optional<String> cmd,
    Optional<String> build) {

  /** The catalogue's configuration parameters for this program, its copy at {@code program}. */
  public java.util.Map<String, String> targetParameters(java.nio.file.Path program) {
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put(org.sockspec.spec.TargetConfig.KIND, kind.id());
    parameters.put(org.sockspec.spec.TargetConfig.PATH, program.toAbsolutePath().normalize().toString());
    cmd.ifPresent(command -> parameters.put(org.sockspec.spec.TargetConfig.CMD, command));
    build.ifPresent(command -> parameters.put(org.sockspec.spec.TargetConfig.BUILD, command));
    parameters.put(org.sockspec.spec.TargetConfig.PORT, Integer.toString(port));
    parameters.putAll(org.sockspec.spec.TargetConfig.parametersOf(protocol));
    return parameters;
  }
}
