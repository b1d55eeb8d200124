# The echo lab's client: host and port on the command line; each line typed is sent, its echo
# printed, until the input ends.
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
with socket.create_connection((host, port)) as sock:
    while True:
        try:
            line = input("Message: ")
        except EOFError:
            break
        sock.sendall(line.encode())
        print("Echo:", sock.recv(1024).decode())
