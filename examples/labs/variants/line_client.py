# A line client with its own prompt: host and port as arguments; sends each line typed with its
# newline, prints the answer line; "quit" ends it once answered.
import socket
import sys

sock = socket.create_connection((sys.argv[1], int(sys.argv[2])))
reader = sock.makefile("rb")
while True:
    try:
        line = input("you> ")
    except EOFError:
        break
    sock.sendall(line.encode() + b"\n")
    print("server>", reader.readline().decode().rstrip("\n"))
    if line == "quit":
        break
sock.close()
