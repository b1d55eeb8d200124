package org.sockspec.impl.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.tcp.ServerLines;
import org.sockspec.impl.testing.Output;

/** The handover, with workers faked: which worker is told what, and when. */
@ExtendWith(MockitoExtension.class)
class HandoverCoordinatorTest {

    private static final int PORT = 4242;

    @Mock
    private WorkerLauncher launcher;
    private final List<Worker> launched = new ArrayList<>();
    private final Output out = new Output();
    private final Output err = new Output();
    private HandoverCoordinator coordinator;

    @BeforeEach
    void launchFakes() throws IOException {
        when(launcher.launch(any())).thenAnswer(call -> {
            Worker worker = mock(Worker.class, "worker" + (launched.size() + 1));
            when(worker.terminated()).thenReturn(new CompletableFuture<>());
            launched.add(worker);
            return worker;
        });
        coordinator = new HandoverCoordinator(launcher, 1, 0, new ServerLines(out.stream()),
                err.stream());
        coordinator.start();
    }

    private Worker worker(int number) {
        return launched.get(number - 1);
    }

    /** Both first workers ready, the first one listening on PORT. */
    private void listening() {
        coordinator.ready(worker(1), 101);
        coordinator.ready(worker(2), 102);
        coordinator.listening(worker(1), PORT);
    }

    @Test
    void startLaunchesTheFutureListenerAndOneSpare() throws IOException {
        verify(launcher, times(2)).launch(coordinator);
    }

    @Test
    void theFirstReadyWorkerListensOnTheRequestedPortAndTheStartupLineFollowsItsReport() {
        coordinator.ready(worker(2), 102);
        verify(worker(2)).listen(0);
        assertThat(out.lines()).isEmpty();
        coordinator.listening(worker(2), PORT);
        assertThat(out.lines()).containsExactly("The server now listens on the port 4242");
    }

    @Test
    void onAcceptTheSpareListensOnTheSamePortAndANewSpareStarts() throws IOException {
        listening();
        coordinator.accepted(worker(1), "('127.0.0.1', 5000)");
        verify(worker(2)).listen(PORT);
        verify(launcher, times(3)).launch(coordinator);
    }

    @Test
    void theOldListenerClosesOnlyOnceItsSuccessorListens() {
        listening();
        coordinator.accepted(worker(1), "('127.0.0.1', 5000)");
        verify(worker(1), never()).closeListener();
        coordinator.listening(worker(2), PORT);
        InOrder handover = inOrder(worker(1), worker(2));
        handover.verify(worker(2)).listen(PORT);
        handover.verify(worker(1)).closeListener();
        assertThat(out.lines()).hasSize(1); // the startup line is printed once
    }

    @Test
    void withNoSpareReadyTheHandoverWaitsForOne() {
        coordinator.ready(worker(1), 101);
        coordinator.listening(worker(1), PORT);
        coordinator.accepted(worker(1), "('127.0.0.1', 5000)");
        verify(worker(2), never()).listen(anyInt());
        coordinator.ready(worker(2), 102);
        verify(worker(2)).listen(PORT);
    }

    @Test
    void aSuccessorThatDiesBeforeListeningIsReplacedByTheNextSpare() {
        listening();
        coordinator.accepted(worker(1), "('127.0.0.1', 5000)");
        coordinator.exited(worker(2));
        coordinator.ready(worker(3), 103);
        verify(worker(3)).listen(PORT);
        coordinator.listening(worker(3), PORT);
        verify(worker(1)).closeListener();
    }

    @Test
    void workersThatKeepDyingBeforeTheyListenEndTheServerWithStatusOne()
            throws InterruptedException {
        coordinator.exited(worker(1));
        coordinator.exited(worker(2));
        coordinator.exited(worker(3));
        assertThat(coordinator.awaitFailure()).isEqualTo(ExitStatus.FAILURE);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("srv_tcp_fork: worker processes exit before they listen");
    }

    @Test
    void aWorkerThatCannotListenEndsTheServerWithItsOneLineReason() throws InterruptedException {
        coordinator.ready(worker(1), 101);
        coordinator.failed(worker(1), "the TCP port 1 is already in use (Permission denied)");
        assertThat(coordinator.awaitFailure()).isEqualTo(ExitStatus.FAILURE);
        assertThat(err.lines()).containsExactly(
                "srv_tcp_fork: the TCP port 1 is already in use (Permission denied)");
    }

    @Test
    void stopAllStopsEveryWorkerWhoseProcessLives() {
        listening();
        launched.forEach(worker -> when(worker.stop())
                .thenReturn(CompletableFuture.completedFuture(null)));
        coordinator.stopAll();
        launched.forEach(worker -> verify(worker).stop());
    }
}
