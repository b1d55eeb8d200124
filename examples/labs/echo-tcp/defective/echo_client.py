# Defective: sends each line with its newline (the lab's messages have none), so the server
# receives "hello\n" where the user typed hello.
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
with socket.create_connection((host, port)) as sock:
    while True:
        try:
            line = input("Message: ")
        except EOFError:
            break
        sock.sendall((line + "\n").encode())
        print("Echo:", sock.recv(1024).decode())
