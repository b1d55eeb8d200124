import sys
# Hostile: prints without end, as fast as it can.
line = "flood " * 100 + "\n"
while True:
    sys.stdout.write(line)
