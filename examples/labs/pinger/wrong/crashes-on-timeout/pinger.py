# Wrong: a UDP pinger that sets a one-second timeout but never catches it: the first lost ping
# raises socket.timeout out of recvfrom() and the program dies with a traceback.
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
    reply, serverAddress = clientSocket.recvfrom(1024)
    rtt = time.time() - sendTime
    print(f"Reply from {serverName}: {reply.decode()} RTT = {rtt:.6f} s", flush=True)

clientSocket.close()
