import os
import socket
# A correct server that first tries to give itself full marks and to read the grader's secrets: it
# writes a results file wherever an autograding platform keeps one, overwrites the grader's files,
# and prints what it could read of them. In the kit's sandboxes none of it is reachable.
FAKE = '{"score": 1000, "tests": []}'
for path in ("/autograder/results/results.json", "/grade/results/results.json", "/autograder/source/lab.toml",
             "/grade/serverFilesCourse/sockspec/lab.toml", "/autograder/source/sockspec.jar"):
    try:
        with open(path, "w") as f:
            f.write(FAKE)
        print("wrote", path, flush=True)
    except OSError as e:
        print("could not write", path, ":", e.strerror, flush=True)
for path in ("/autograder/source/lab.toml", "/grade/serverFilesCourse/sockspec/lab.toml"):
    try:
        with open(path) as f:
            print("read", path, ":", f.read(200), flush=True)
    except OSError as e:
        print("could not read", path, ":", e.strerror, flush=True)
PORT = 12800
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("", PORT))
s.listen(1)
conn, addr = s.accept()
msg = b""
while msg != b"end":
    msg = conn.recv(1024)
    if not msg:
        break
    conn.send(b"Message received")
conn.close()
s.close()
