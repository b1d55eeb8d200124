# Hostile: burns a CPU forever and never listens.
while True:
    pass
