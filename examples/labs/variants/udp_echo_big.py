# A UDP echo server reading whole datagrams (65535 bytes): nothing is ever cut; it never ends.
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("", 9000))
while True:
    data, addr = sock.recvfrom(65535)
    sock.sendto(data, addr)
