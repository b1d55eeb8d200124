package lab;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.sockspec.catalogue.TcpSpecs;

/**
 * Runs the sockspec catalogue's part 1 (the single-threaded TCP server) against this project's
 * {@link TcpServer}, one test per spec. Each spec starts the server in a fresh container, from a
 * read-only copy of target/classes, and talks to it over the container's own loopback.
 */
@Suite
@SelectClasses(TcpSpecs.class)
@ConfigurationParameter(key = "sockspec.kind", value = "tcp")
@ConfigurationParameter(key = "sockspec.path", value = "target/classes")
@ConfigurationParameter(key = "sockspec.cmd", value = "java -cp . lab.TcpServer")
// Count failures as `./sockspec check` does: a SHOULD or INFO spec that fails is reported as skipped.
@ConfigurationParameter(key = "sockspec.counted", value = "must")
class TcpServerConformanceIT {}
