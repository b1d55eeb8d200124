# The lab's single-threaded TCP server (handout, part 1): it accepts ONE client and answers each of
# its messages with b"Message received" until the client sends b"end".
# Check it with:  ./sockspec check examples/python/srv_tcp.py --as tcp
import socket

host = ''
port = 12800

# s is the "listening" socket object
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind((host, port))
s.listen(1)
print("The server now listens on the port {}".format(port), flush=True)

conn, remote_addr = s.accept()
print("The server is now connected to the client socket {0}".format(remote_addr), flush=True)

received_msg = b""
while received_msg != b"end":
    received_msg = conn.recv(1024)
    if not received_msg:
        break  # the client closed the connection without saying b"end"
    conn.send(b"Message received")
    print("Received {0} from client socket {1}".format(received_msg, remote_addr), flush=True)

print("Closing the connection", flush=True)
conn.close()
s.close()
