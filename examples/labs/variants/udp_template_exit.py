# A UDP server that reads 1024 bytes, answers "ECHO: " + message, and exits on "exit" (answered).
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("", 9000))
while True:
    data, addr = sock.recvfrom(1024)
    sock.sendto(b"ECHO: " + data, addr)
    if data == b"exit":
        break
sock.close()
