# A multi-client TCP server in the select style (handout, part 3): ONE process waits on the
# listening socket and every connected one with select, and answers whichever client spoke.
# Check it with:  ./sockspec check examples/python/srv_tcp_select.py --as tcp-select
import select
import socket

host = ''
port = 12800

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind((host, port))
server.listen(5)
print("The server now listens on the port {}".format(port), flush=True)

sockets = [server]
while True:
    readable, _, _ = select.select(sockets, [], [])
    for sock in readable:
        if sock is server:
            conn, remote_addr = server.accept()
            sockets.append(conn)
            print("The server is now connected to the client socket {0}".format(remote_addr), flush=True)
            continue
        data = sock.recv(1024)
        if not data:  # the client closed the connection
            sockets.remove(sock)
            sock.close()
            continue
        sock.send(b"Message received")
        print("Received {0} from client socket {1}".format(data, sock.getpeername()), flush=True)
        if data == b"end":
            sockets.remove(sock)
            sock.close()
