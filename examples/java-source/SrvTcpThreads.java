// A thread-per-client TCP server, handed in as Java source: each client has a thread of its own,
// blocked in read() on its socket, answering "Message received" until "end" or the client closing.
// Check it with:  ./sockspec check examples/java-source/SrvTcpThreads.java --as tcp-threads
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class SrvTcpThreads {
    public static void main(String[] args) throws IOException {
        try (ServerSocket listener = new ServerSocket(12800)) {
            System.out.println("The server now listens on the port 12800");
            while (true) {
                Socket client = listener.accept();
                new Thread(() -> serve(client)).start();
            }
        }
    }

    private static void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buf = new byte[1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write("Message received".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String message = new String(buf, 0, n, StandardCharsets.UTF_8);
                System.out.println("Received " + message);
                if (message.equals("end")) {
                    break;
                }
            }
        } catch (IOException e) {
            System.out.println("client left: " + e.getMessage());
        }
    }
}
