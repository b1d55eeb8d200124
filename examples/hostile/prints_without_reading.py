# HOSTILE: a TCP client that prints the answer it expects ("Message received") without ever reading it.
import socket, sys
if len(sys.argv) != 2:
    print("Only one argument: the dest hostname/IP address as string"); sys.exit(2)
s = socket.socket(); s.connect((sys.argv[1], 12800))
while True:
    try:
        line = input("> ")
    except EOFError:
        break
    s.send(line.encode())
    print("Server tells you b'Message received'")
    if line == "end":
        break
