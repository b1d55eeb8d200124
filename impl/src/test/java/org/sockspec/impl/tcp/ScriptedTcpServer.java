package org.sockspec.impl.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server for client tests, MockWebServer style: answer scripts are enqueued, received
 * messages recorded. It accepts one client; each message read gets the next scripted answer,
 * and when the script runs out it closes the connection.
 */
final class ScriptedTcpServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    ScriptedTcpServer(String... script) throws IOException {
        answers.addAll(Arrays.asList(script));
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread serving = new Thread(this::serveOne, "scripted-tcp-server");
        serving.setDaemon(true);
        serving.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    List<String> received() {
        return received;
    }

    private void serveOne() {
        try (Socket client = listener.accept()) {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[1024];
            while (!answers.isEmpty()) {
                int count = in.read(buffer);
                if (count < 0) {
                    return;
                }
                received.add(new String(buffer, 0, count, StandardCharsets.UTF_8));
                client.getOutputStream().write(answers.poll().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
