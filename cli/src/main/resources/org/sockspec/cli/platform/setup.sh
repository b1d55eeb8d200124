#!/usr/bin/env bash
# sockspec's autograder set-up: a Java 17 runtime, python3 (the lab's programs) and util-linux
# (setpriv, prlimit: how the process sandbox confines a student's program), from the base image's
# own packages. Does nothing when they are there. Run once, as root, when the platform builds the
# autograder's image.
set -euo pipefail
need=()
java_ok() { command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; }
java_ok || need+=(openjdk-17-jre-headless)
command -v python3 >/dev/null 2>&1 || need+=(python3)
{ command -v setpriv && command -v prlimit; } >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  echo "sockspec: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
java -version 2>&1 | head -1
python3 --version
