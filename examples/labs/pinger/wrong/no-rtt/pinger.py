# Wrong: a UDP pinger that prints each reply but not its round-trip time ("Reply from HOST: ..."
# with no "RTT = ... s").
import sys
import time
from socket import *

serverName = sys.argv[1]
serverPort = 12000

clientSocket = socket(AF_INET, SOCK_DGRAM)
# Wait at most one second for each reply: UDP packets can be lost.
clientSocket.settimeout(1)

for sequence_number in range(1, 11):
    message = f"Ping {sequence_number} {time.time()}"
    clientSocket.sendto(message.encode(), (serverName, serverPort))
    try:
        reply, serverAddress = clientSocket.recvfrom(1024)
        print(f"Reply from {serverName}: {reply.decode()}", flush=True)
    except timeout:
        # No reply within the second: the ping (or its reply) was lost.
        print("Request timed out", flush=True)

clientSocket.close()
