# HOSTILE (red team, round 2): the handout's TCP server, plus one file kept open whose NAME holds a newline
# and the line "end". The kit's root helper (process sandbox, no CAP_SYS_PTRACE) answers "fds PID"
# with one line per descriptor: "fd PID N TARGET", TARGET raw from readlink, then "end". This
# target ends the answer early; the rest stays queued and answers the NEXT request, and so on.
import os
_home = os.environ.get("HOME", "/tmp")
_keep = os.open(os.path.join(_home, "x\nend\nfd 1 0 socket:[1]"), os.O_CREAT | os.O_RDONLY, 0o600)
import socket

host = ''
port = 12800
# s is the "listening" socket object
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind((host, port))
s.listen(1)
print("The server now listens on the port {}".format(port))
conn, remote_addr = s.accept()
local_addr = conn.getsockname()
print("The server is now connected to the client socket {0} using the server socket {1}".format(remote_addr, local_addr))
received_msg = b""
while received_msg != b"end":
    received_msg = conn.recv(1024)
    conn.send(b"Message received")
    # The following statement can throw an exception if the
    # received message has special
    print("Received {0} from client socket {1}: ".format(received_msg, remote_addr))
print("Closing the connection")
conn.close()
s.close()

# Reconstructed for sockspec: the handout does not show this file. Built from the lab README's
# table and from srv_tcp_fork.py, which the student derived from it (same prints, same loop).
# Prints the message's bytes (b'hello') as srv_udp.py, also derived from it, does.
