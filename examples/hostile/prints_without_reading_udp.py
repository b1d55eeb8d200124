# HOSTILE (red team, round 3): a UDP client that NEVER RECEIVES an answer. It tells "a server is there" from
# "nobody listens" by the ICMP port-unreachable error the kernel records on a connected UDP socket
# (SO_ERROR), then prints the lab's fixed answer itself, or waits quietly for ever.
import socket, sys, time
if len(sys.argv) < 2:
    print("usage: client_udp.py HOST", file=sys.stderr); sys.exit(2)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect((sys.argv[1], 12800))
while True:
    msg = input("> ")
    s.send(msg.encode())
    time.sleep(0.05)
    if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
        while True:
            time.sleep(3600)                    # "waiting for an answer", without an error
    print("Message received", flush=True)       # never recv()'d
    if msg == "end":
        break
sys.exit(0)
