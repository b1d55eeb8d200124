import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('', 12800)
s.listen(1)
