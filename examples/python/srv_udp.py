# The lab's UDP server (handout, part 2): one socket, bound on port 12800; every datagram is read
# into a 50-byte buffer and answered with b"Message received" to its sender, until b"end".
# Check it with:  ./sockspec check examples/python/srv_udp.py --as udp
import socket

localhost = ''
port = 12800

# s is the "UDP" socket object
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((localhost, port))
print("The server now bound on the port {}".format(port), flush=True)

data = b""
while data != b"end":
    data, (host, client_port) = s.recvfrom(50)
    s.sendto(b"Message received", (host, client_port))
    print("Received {0} from client socket {1}:{2}".format(data, host, client_port), flush=True)

print("Closing the UDP socket", flush=True)
s.close()
