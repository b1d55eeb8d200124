// An echo server as a Go module, the way Go courses write one: a goroutine per connection, each
// echoing what it reads until the client closes. Goroutines are not threads: Go's runtime waits for
// every connection in one epoll, so the kit sees a server of select's kind.
// Check it with:  ./sockspec check examples/go-module --as tcp-select --answer echo --end none
package main

import (
	"fmt"
	"io"
	"net"
	"os"
)

func main() {
	port := "12800"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	listener, err := net.Listen("tcp4", ":"+port)
	if err != nil {
		fmt.Fprintln(os.Stderr, "echoserver:", err)
		os.Exit(1)
	}
	fmt.Println("listening on port", port)
	for {
		conn, err := listener.Accept()
		if err != nil {
			continue
		}
		go func(c net.Conn) {
			defer c.Close()
			io.Copy(c, c)
		}(conn)
	}
}
