# socketserver.ForkingTCPServer: a child process per client, each echoing until its client closes.
import socketserver


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                return
            self.request.sendall(data)


socketserver.ForkingTCPServer.allow_reuse_address = True
with socketserver.ForkingTCPServer(("", 9000), Echo) as server:
    server.serve_forever()
