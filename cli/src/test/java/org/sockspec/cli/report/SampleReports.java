package org.sockspec.cli.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockspec.spec.Cause;
import org.sockspec.spec.Level;

/** A fixed run with a result of every kind, the input of every reporter test. */
final class SampleReports {
  /** A passing spec's ladder diagram. */
  static final String LADDER = "    +0.003 s  A:40000 -> server:12800      SYN\n"
      + "    +0.003 s  server:12800 -> A:40000      RST-ACK";

  private SampleReports() {}

  static RunReport sample() {
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("transcript", "   12 ms  A send b'x'\n   15 ms  A receive -> b'Message recieved'");
    evidence.put("sockets", "Proto Recv-Q Send-Q Local Address\ntcp        0      0 0.0.0.0:12800");
    evidence.put("output", "bad \u001b[31m bytes \ufffd | and ``` fences & <tags>");
    return new RunReport("9.9.9", "tcp", "srv_tcp.py", false, List.of(
        new SpecResult("tcp.ack", Level.MUST, "1.1", "each message is answered", "send exactly the answer",
            Status.FAILED, "Expecting the server to answer exactly b'Message received' but got b'Message recieved'",
            new Cause.WrongAnswer("the server", "b'Message received'", "b'Message recieved'", 16), evidence, 812),
        new SpecResult("tcp.refused-without-server", Level.MUST, "2.3", "refused at once", "", Status.PASSED, "",
            null, Map.of(SpecResult.LADDER, LADDER), 421),
        new SpecResult("tcp.backlog", Level.SHOULD, "1.3", "a third client waits", "", Status.FAILED,
            "Expecting 2 queued | got 1", new Cause.Backlog("a connect pending once the queue is full", "all 3 connects completed"),
            Map.of(), 300),
        new SpecResult("tcp.columns", Level.INFO, "1.2", "what netstat shows", "", Status.PASSED, "",
            null, Map.of("queues", "Recv-Q 6"), 250),
        new SpecResult("tcp.probe", Level.MUST, "", "kit check", "", Status.ERROR, "kit error: the probe is gone",
            null, Map.of(), 40),
        new SpecResult("udp.ack", Level.MUST, "2.1", "udp answers", "", Status.SKIPPED,
            "udp.ack does not apply to kind tcp", null, Map.of(), 0)),
        1840);
  }
}
