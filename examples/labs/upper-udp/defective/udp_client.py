# Defective: connect()s its UDP socket. With a server all is well; with none, the kernel's "port
# unreachable" comes back as ConnectionRefusedError on the next recv, and the client crashes.
import sys
from socket import *

clientSocket = socket(AF_INET, SOCK_DGRAM)
clientSocket.connect((sys.argv[1], 12000))
while True:
    try:
        message = input("Input lowercase sentence: ")
    except EOFError:
        break
    clientSocket.send(message.encode())
    print(clientSocket.recv(2048).decode())
clientSocket.close()
