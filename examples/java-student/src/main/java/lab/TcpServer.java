package lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The lab's single-threaded TCP server (srv_tcp.py, part 1 of the handout), in Java: it accepts ONE
 * client and answers each of its messages with "Message received" until the client sends "end".
 */
public class TcpServer {
  static final int PORT = 12800;
  static final byte[] ANSWER = "Message received".getBytes(StandardCharsets.US_ASCII);

  public static void main(String[] args) throws IOException {
    // Backlog 1, as the handout's s.listen(1).
    try (ServerSocket listener = new ServerSocket(PORT, 1)) {
      System.out.println("The server now listens on the port " + PORT);
      try (Socket conn = listener.accept()) {
        System.out.println("The server is now connected to the client socket " + conn.getRemoteSocketAddress());
        InputStream in = conn.getInputStream();
        OutputStream out = conn.getOutputStream();
        byte[] buffer = new byte[1024];
        String received = "";
        while (!received.equals("end")) {
          int length = in.read(buffer); // conn.recv(1024)
          if (length < 0) {
            break; // the client closed the connection without saying "end"
          }
          received = new String(buffer, 0, length, StandardCharsets.UTF_8);
          out.write(ANSWER);
          System.out.println("Received " + received + " from client socket " + conn.getRemoteSocketAddress());
        }
        System.out.println("Closing the connection");
      }
    }
  }
}
