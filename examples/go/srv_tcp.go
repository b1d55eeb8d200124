// The lab's single-threaded TCP server in Go: one client, "Message received" to each message,
// until "end" or the client closing; then it exits. (Serving the client inline, not in a goroutine:
// a second client waits in the accept queue, as the lab's question 1.3 asks.)
// Check it with:  ./sockspec check examples/go/srv_tcp.go --as tcp
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	listener, err := net.Listen("tcp4", ":12800")
	if err != nil {
		fmt.Fprintln(os.Stderr, "srv_tcp:", err)
		os.Exit(1)
	}
	fmt.Println("The server now listens on the port 12800")
	conn, err := listener.Accept()
	if err != nil {
		fmt.Fprintln(os.Stderr, "accept:", err)
		os.Exit(1)
	}
	fmt.Println("The server is now connected to the client socket", conn.RemoteAddr())
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil || n == 0 {
			break
		}
		conn.Write([]byte("Message received"))
		fmt.Printf("Received %q\n", buf[:n])
		if string(buf[:n]) == "end" {
			break
		}
	}
	fmt.Println("Closing the connection")
	conn.Close()
	listener.Close()
}
