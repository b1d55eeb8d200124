# Wrong: a UDP pinger with no timeout on its socket: recvfrom() waits for ever for a reply that was
# lost, so the first lost ping stops it for good (it never prints "Request timed out", never ends).
import sys
import time
from socket import *

serverName = sys.argv[1]
serverPort = 12000

clientSocket = socket(AF_INET, SOCK_DGRAM)

for sequence_number in range(1, 11):
    sendTime = time.time()
    message = f"Ping {sequence_number} {sendTime}"
    clientSocket.sendto(message.encode(), (serverName, serverPort))
    try:
        reply, serverAddress = clientSocket.recvfrom(1024)
        rtt = time.time() - sendTime
        print(f"Reply from {serverName}: {reply.decode()} RTT = {rtt:.6f} s", flush=True)
    except timeout:
        # Never happens: no timeout was set, so recvfrom() blocks.
        print("Request timed out", flush=True)

clientSocket.close()
