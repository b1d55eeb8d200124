# Hostile: allocates memory until the container's memory limit (no swap) kills it.
blocks = []
while True:
    blocks.append(bytearray(16 * 1024 * 1024))
