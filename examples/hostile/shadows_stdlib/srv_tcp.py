import time
# The program the shadowing module rides with: it does nothing (it never listens). Whatever else
# the folder holds, it earns nothing.
print("nothing to see here", flush=True)
while True:
    time.sleep(3600)
