#!/bin/sh
# Runs once inside the runtime image's root file system, after its packages are installed (as the
# last step of both build paths). Part of the recipe: the image tag hashes this file too.
set -eu
# The unprivileged user every program under test runs as (uid and gid 1000).
groupadd --gid 1000 lab
useradd --uid 1000 --gid 1000 --create-home --shell /bin/sh lab
# Where the kit copies its own jars (probe, reference programs) and a submission's files.
mkdir -p /opt/sockspec /lab
# Keep the image small: documentation and apt caches are never read in a container.
rm -rf /usr/share/doc/* /usr/share/man/* /var/cache/apt/archives/*.deb /var/lib/apt/lists/*
