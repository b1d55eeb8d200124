# Defective: reads into a 1024-byte buffer where the lab says 2048, so a 1500-byte datagram loses
# its last 476 bytes.
from socket import *

serverSocket = socket(AF_INET, SOCK_DGRAM)
serverSocket.bind(('', 12000))
while True:
    message, clientAddress = serverSocket.recvfrom(1024)
    serverSocket.sendto(message.upper(), clientAddress)
