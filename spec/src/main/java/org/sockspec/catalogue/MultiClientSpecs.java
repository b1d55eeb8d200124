package org.sockspec.catalogue;

import static org.sockspec.bench.Kind.TCP_FORK;
import static org.sockspec.bench.Kind.TCP_SELECT;
import static org.sockspec.bench.Kind.TCP_THREADS;
import static org.sockspec.spec.Level.MUST;
import static org.sockspec.spec.Level.SHOULD;
import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.sockspec.bench.Bench;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Poll;
import org.sockspec.bench.ProcessInfo;
import org.sockspec.bench.ProcessList;
import org.sockspec.bench.Readers;
import org.sockspec.bench.Serving;
import org.sockspec.bench.ServingThreads;
import org.sockspec.bench.TcpClient;
import org.sockspec.bench.ThreadList;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.spec.Spec;

/**
 * Part 3 of the handout: multi-client TCP servers, process style (srv_tcp_fork.py), select style
 * (srv_tcp_select.py) and thread style. Servers are judged by what the kernel shows (who holds
 * which socket, what each thread waits on), never by the first process's exit: the handout's fork
 * server's first process exits right after forking while its children serve.
 */
public class MultiClientSpecs {

  @Spec(id = "mtcp.concurrent", level = MUST, question = "3.1", kinds = {TCP_FORK, TCP_SELECT, TCP_THREADS},
      summary = "three clients stay connected; messages sent round-robin A B C A B C are each answered before the next is sent",
      hint = "A multi-client server waits on every client at once: a process per client (fork), a thread per "
          + "client, or one select() over the listening socket and every client socket. A server busy with one "
          + "client leaves the others' messages unread in the kernel's queue.")
  void clientsTakingTurnsAreEachAnswered(Bench bench) {
    ClientGroup clients = ClientGroup.connect(bench, "A", "B", "C");
    for (int round = 1; round <= 2; round++) {
      for (String name : clients.names()) {
        clients.expectAnswer(name, "message " + round + " from " + name);
      }
    }
    LabProtocol protocol = bench.target().protocol();
    if (protocol.framing() == Framing.LINE && protocol.answer().answers()) {
      // Each client's lines are cut by the server, whatever its model: one read is not one line.
      Lines.answeredOnceEachHoweverTheyArrive(bench, clients.get("B"));
    }
  }

  @Spec(id = "mtcp.end-closes-one", level = MUST, question = "3.1", kinds = {TCP_FORK, TCP_SELECT, TCP_THREADS},
      summary = "a client's end closes that client's connection only: the others are still answered and a new client is served",
      hint = "After answering b\"end\", close that client's socket only (conn.close(), and remove it from the "
          + "select lists); keep the listening socket open and keep serving the others.")
  void endClosesOnlyItsOwnClient(Bench bench) {
    ClientGroup clients = ClientGroup.connect(bench, "A", "B", "C");
    for (String name : clients.names()) {
      clients.expectAnswer(name, "hello from " + name);
    }
    LabProtocol protocol = bench.target().protocol();
    Optional<String> end = protocol.end();
    if (end.isPresent()) {
      if (protocol.answersTheEnd()) {
        clients.expectAnswer("A", end.get());
      } else {
        clients.get("A").send(end.get());
      }
      assertThat(clients.get("A").receive(1)).as("client A, after its %s,", end.get()).isClosedByPeer();
    } else {
      Closes.clientClosesThenTheServerToo(bench, clients.talker("A"));
    }
    clients.ended("A");
    clients.expectAnswer("B", "still served after A's end? B");
    clients.expectAnswer("C", "still served after A's end? C");
    clients.connect("D");
    clients.expectAnswer("D", "hello from D, the newcomer");
  }

  @Spec(id = "mtcp.fork.process-per-client", level = MUST, question = "3.2", kinds = TCP_FORK,
      summary = "with three clients connected, each connection is held by a server process of its own, and a socket still listens",
      hint = "lsof -n -i:12800 shows one server PID per ESTABLISHED line: fork() after accept() (or before it, as "
          + "the handout does) and let the child serve that client.")
  void eachClientHasAProcessOfItsOwn(Bench bench) {
    ClientGroup clients = ClientGroup.connect(bench, "A", "B", "C");
    // Accepting may take a new process's start (a fork is quick, a new interpreter is not).
    Poll.Sampled<Serving> accepted = clients.awaitServing(Serving::allAccepted, bench.timing().startup());
    assertThat(accepted.value()).within(accepted.window()).hasAcceptedEveryClient();
    Poll.Sampled<Serving> serving = clients.awaitServing(
        s -> s.processPerClient().isPresent() && !s.listenerHolders().isEmpty(), bench.timing().reply());
    bench.observe("who serves whom", serving.value().describe());
    assertThat(serving.value()).within(serving.window()).hasAProcessPerClient().hasListener();
    // Holding is not reading: each client is read by the process that holds it alone.
    Poll.Sampled<Readers> readers = bench.await("each client read by a process of its own", () -> {
      Serving now = clients.serving();
      return new Readers(now, now.clientHolders().stream().map(bench::threads).toList());
    }, Readers::eachClientReadByAProcessOfItsOwn, bench.timing().reply());
    bench.observe("who reads whom", readers.value().describe());
    assertThat(readers.value()).within(readers.window()).readEachClientFromAProcessOfItsOwn();
  }

  @Spec(id = "mtcp.select.single-process", level = MUST, question = "3.2", kinds = TCP_SELECT,
      summary = "one process holds the listening socket and the three clients' connections, and serves them all from one thread",
      hint = "lsof -n -i:12800 shows the same PID on every line: one process calls select() on the listening "
          + "socket and every client socket, and serves whichever is ready; no fork, no thread per client.")
  void oneThreadOfOneProcessServesEveryone(Bench bench) {
    Poll.Sampled<ServingThreads> seen = threeClientsServedBy(bench);
    assertThat(seen.value().serving()).within(seen.window()).hasOneProcessForAll();
    assertThat(seen.value()).within(seen.window()).hasNoThreadPerClient();
  }

  @Spec(id = "mtcp.threads.single-process", level = MUST, question = "3.2", kinds = TCP_THREADS,
      summary = "one process holds the listening socket and the three clients' connections, with a thread per client waiting on its socket",
      hint = "Start a thread per accepted client (threading.Thread(target=serve, args=(conn,))): lsof shows one "
          + "PID on every line, and each thread blocks in its own conn.recv().")
  void oneProcessServesEachClientFromItsOwnThread(Bench bench) {
    Poll.Sampled<ServingThreads> seen = threeClientsServedBy(bench);
    assertThat(seen.value().serving()).within(seen.window()).hasOneProcessForAll();
    assertThat(seen.value()).within(seen.window()).hasAThreadPerClient();
  }

  @Spec(id = "mtcp.fork.no-zombies", level = SHOULD, kinds = TCP_FORK,
      summary = "once its clients have ended, no server process is left defunct (a zombie)",
      hint = "A child that exits stays <defunct> until its parent waits for it: call os.waitpid(-1, os.WNOHANG) "
          + "in the accept loop or in a SIGCHLD handler (or let the parent exit, so that init reaps them).")
  void endedClientsLeaveNoZombies(Bench bench) {
    ClientGroup clients = ClientGroup.connect(bench, "A", "B", "C");
    Poll.Sampled<Serving> accepted = clients.awaitServing(Serving::allAccepted, bench.timing().startup());
    assertThat(accepted.value()).within(accepted.window()).hasAcceptedEveryClient();
    Set<Integer> perClient = new TreeSet<>(clients.awaitServing(s -> s.processPerClient().isPresent(),
        bench.timing().reply()).value().processPerClient().map(m -> m.values()).orElse(List.of()));

    // Each client says the end word (where the lab has one) and leaves: whether or not the server
    // honours it, it sees the close.
    for (String name : clients.names()) {
      TcpClient client = clients.get(name);
      bench.target().protocol().end().ifPresent(client::send);
      client.close();
      clients.ended(name);
    }
    // A process that served its client exits; only then can it be a zombie. Wait for that first.
    Poll.Sampled<ProcessList> exited = bench.await("the client processes " + perClient + " to exit",
        bench::processes,
        list -> perClient.stream().allMatch(pid -> goneOrDefunct(list, pid)), bench.timing().exit());
    bench.observe("client processes", perClient.isEmpty() ? "no process served a single client"
        : "pids " + perClient + " served one client each; " + (exited.met() ? "all exited after their client ended"
            : "still running " + exited.ms() + " ms after their clients ended: " + perClient.stream()
                .filter(pid -> !goneOrDefunct(exited.value(), pid)).toList()));
    Poll.Sampled<ProcessList> reaped = bench.await("no defunct process", bench::processes,
        list -> list.program().stream().noneMatch(ProcessInfo::isZombie), bench.timing().reap());
    assertThat(reaped.value()).within(reaped.window()).hasNoZombies();
  }

  /**
   * GIVEN three clients connected and accepted, the process holding them all (if one does) and what
   * its threads wait on, sampled until that picture settles (threads may still be starting).
   */
  private static Poll.Sampled<ServingThreads> threeClientsServedBy(Bench bench) {
    ClientGroup clients = ClientGroup.connect(bench, "A", "B", "C");
    Poll.Sampled<Serving> accepted = clients.awaitServing(Serving::allAccepted, bench.timing().reply());
    assertThat(accepted.value()).within(accepted.window()).hasAcceptedEveryClient();
    Poll.Sampled<ServingThreads> seen = bench.await("one process serving all, its threads settled", () -> {
      Serving serving = clients.serving();
      OptionalInt pid = serving.oneProcessForAll();
      return new ServingThreads(serving, pid.isPresent() ? bench.threads(pid.getAsInt()) : new ThreadList(-1, List.of()));
    }, s -> s.serving().oneProcessForAll().isPresent() && s.settled(), bench.timing().reply());
    bench.observe("who serves whom", seen.value().serving().describe());
    if (seen.value().threads().pid() > 0) {
      bench.observe("threads", seen.value().threads().render() + "\n" + seen.value().describe());
    }
    return seen;
  }

  private static boolean goneOrDefunct(ProcessList list, int pid) {
    return list.all().stream().noneMatch(p -> p.pid() == pid && !p.isZombie());
  }
}
