import socket
import sys

if len(sys.argv) != 2:
    print("Only one argument: the dest hostname/IP address as string")
    sys.exit(2)

# Remote address
host = str(sys.argv[1])  # dest hostname
port = 12800

# s is the "TCP" socket object
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# We connect to the server (line 15, as in the handout's traceback)
s.connect((host, port))
local_addr = s.getsockname()
print("TCP Socket established between client socket {0} <--> server socket ({1}, {2})".format(local_addr, host, port))
msg_to_send = b""
while msg_to_send != b"end":
    msg_to_send = input("> ")
    msg_to_send = bytes(msg_to_send, 'utf8')
    # We send the message
    s.send(msg_to_send)
    received_msg = s.recv(1024)
    print("Server tells you {0}".format(received_msg))
print("Closing the TCP Socket")
s.close()

# Reconstructed for sockspec: the handout does not show this file. Built from the lab README's
# table, the handout's traceback (s.connect on line 15) and client_udp.py, which the student
# derived from this file (same usage line, prompt, loop and closing line).
