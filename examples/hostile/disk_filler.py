import os
# Hostile: writes gigabytes, to every place it can write, until refused.
chunk = b"x" * (1024 * 1024)
for place in ("/tmp", os.path.expanduser("~"), "/lab", "/"):
    try:
        with open(os.path.join(place, "filler"), "wb") as f:
            for _ in range(4096):
                f.write(chunk)
    except OSError as e:
        print("refused at", place, ":", e, flush=True)
while True:
    pass
