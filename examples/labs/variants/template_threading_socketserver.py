# socketserver.ThreadingTCPServer: a thread per client; each message is answered "Eho=" + message.
import socketserver


class Template(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                return
            self.request.sendall(b"Eho=" + data)


socketserver.ThreadingTCPServer.allow_reuse_address = True
with socketserver.ThreadingTCPServer(("", 9000), Template) as server:
    server.serve_forever()
