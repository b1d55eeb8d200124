# The upper-case lab's client, looping: each line typed is sent to the server (host on the command
# line, port 12000) and its answer printed, until the input ends.
import sys
from socket import *

serverName = sys.argv[1]
serverPort = 12000
clientSocket = socket(AF_INET, SOCK_DGRAM)
while True:
    try:
        message = input("Input lowercase sentence: ")
    except EOFError:
        break
    clientSocket.sendto(message.encode(), (serverName, serverPort))
    modifiedMessage, serverAddress = clientSocket.recvfrom(2048)
    print(modifiedMessage.decode())
clientSocket.close()
