package org.sockspec.spec.assertions;

import org.sockspec.bench.Connect;
import org.sockspec.bench.ProcessList;
import org.sockspec.bench.ReceivedLines;
import org.sockspec.bench.Reply;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.Serving;
import org.sockspec.bench.ServingThreads;
import org.sockspec.bench.SocketTable;

/** Entry point of the catalogue's domain assertions, after AssertJ's {@code Assertions}. */
public final class SpecAssertions {
  private SpecAssertions() {}

  public static ConnectAssert assertThat(Connect connect) {
    return new ConnectAssert(connect);
  }

  public static ReplyAssert assertThat(Reply reply) {
    return new ReplyAssert(reply);
  }

  public static ServingAssert assertThat(Serving serving) {
    return new ServingAssert(serving);
  }

  public static ReadersAssert assertThat(org.sockspec.bench.Readers readers) {
    return new ReadersAssert(readers);
  }

  public static ServingThreadsAssert assertThat(ServingThreads threads) {
    return new ServingThreadsAssert(threads);
  }

  public static ExchangeAssert assertThat(Exchange exchange) {
    return new ExchangeAssert(exchange);
  }

  public static ProcessListAssert assertThat(ProcessList processes) {
    return new ProcessListAssert(processes);
  }

  public static ProgramAssert assertThat(RunningProgram program) {
    return new ProgramAssert(program);
  }

  public static ServedTrafficAssert assertThat(ServedTraffic traffic) {
    return new ServedTrafficAssert(traffic);
  }

  public static CounterChangeAssert assertThat(CounterChange change) {
    return new CounterChangeAssert(change);
  }

  public static SocketTableAssert assertThat(SocketTable table) {
    return new SocketTableAssert(table);
  }

  /** What came back, when any answer will do (or the kernel's error): see {@link AnswerAssert}. */
  public static AnswerAssert assertThatAnswer(Reply reply) {
    return new AnswerAssert(reply);
  }

  public static SendtoAssert assertThat(Sendto sendto) {
    return new SendtoAssert(sendto);
  }

  public static ReceivedLinesAssert assertThat(ReceivedLines lines) {
    return new ReceivedLinesAssert(lines);
  }

  public static AcceptQueueAssert assertThat(AcceptQueue queue) {
    return new AcceptQueueAssert(queue);
  }

  public static UdpLossAssert assertThat(UdpLoss loss) {
    return new UdpLossAssert(loss);
  }
}
