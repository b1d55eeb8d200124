# Kurose and Ross's UDPServer.py, as labs hand it out: upper-cases each message into a 2048-byte
# buffer, for ever, on port 12000.
from socket import *

serverPort = 12000
serverSocket = socket(AF_INET, SOCK_DGRAM)
serverSocket.bind(('', serverPort))
print("The server is ready to receive")
while True:
    message, clientAddress = serverSocket.recvfrom(2048)
    modifiedMessage = message.decode(errors="replace").upper()
    serverSocket.sendto(modifiedMessage.encode(), clientAddress)
