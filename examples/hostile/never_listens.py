import time
# Broken: forgets to call listen() and waits.
print("The server is starting...", flush=True)
while True:
    time.sleep(3600)
