package org.sockspec.spec.assertions;

import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Readers;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Assertions on who waits to read each client's connection, across the processes holding them: a
 * process per client reads each client from a process of its own.
 */
public final class ReadersAssert extends AbstractAssert<ReadersAssert, Readers> {
  private Duration window;

  ReadersAssert(Readers actual) {
    super(actual, ReadersAssert.class);
  }

  /** The window the snapshot was awaited in, quoted by the messages. */
  public ReadersAssert within(Duration waited) {
    this.window = waited;
    return this;
  }

  public ReadersAssert readEachClientFromAProcessOfItsOwn() {
    isNotNull();
    if (!actual.eachClientReadByAProcessOfItsOwn()) {
      boolean oneForAll = !actual.readingSeveralClients().isEmpty();
      boolean threadsOfOne = !oneForAll && !actual.processesWaitingOnSeveralClients().isEmpty();
      boolean hidden = !oneForAll && !threadsOfOne && !actual.processesWaitingOnHidden().isEmpty();
      String seen = oneForAll ? "one wait for several clients" : threadsOfOne ? "a process waiting on several clients"
          : hidden ? "a wait the kit cannot read" : "clients read by no process of their own";
      throw CausedFailure.of(new Cause.ProcessModel("a process per client", seen),
          "Expecting each client to be read by a process of its own (fork style: the process that holds a client's "
          + "connection waits in its recv())%s, but %s: %s.", window == null ? "" : " within " + window.toMillis()
          + " ms", oneForAll ? "one thread waits on several clients' connections at once (select style), whatever other "
          + "processes hold them too" : threadsOfOne ? "one process's threads wait on several clients (a thread per "
          + "client), whatever other processes wait on them too" : hidden ? "a process waits on an epoll whose members "
          + "the kit cannot read (a descriptor reused after it was added), which may be any client's"
          : "not every client is read by a process of its own", actual.describe());
    }
    return this;
  }
}
