# UDP Pinger client (Kurose and Ross, lab 2): sends 10 pings to the server (host on the command
# line, port 12000), one at a time, and prints each reply with its round-trip time, or
# "Request timed out" when no reply comes within one second.
import sys
import time
from socket import *

serverName = sys.argv[1]
serverPort = 12000

clientSocket = socket(AF_INET, SOCK_DGRAM)
# Wait at most one second for each reply: UDP packets can be lost.
clientSocket.settimeout(1)

for sequence_number in range(1, 11):
    sendTime = time.time()
    message = f"Ping {sequence_number} {sendTime}"
    clientSocket.sendto(message.encode(), (serverName, serverPort))
    try:
        reply, serverAddress = clientSocket.recvfrom(1024)
        rtt = time.time() - sendTime
        print(f"Reply from {serverName}: {reply.decode()} RTT = {rtt:.6f} s", flush=True)
    except timeout:
        # No reply within the second: the ping (or its reply) was lost.
        print("Request timed out", flush=True)

clientSocket.close()
