#!/usr/bin/env bash
# sockspec's autograder set-up: a Java 17 runtime, python3 (the lab's programs) and util-linux
# (setpriv, prlimit: how the process sandbox confines a student's program), and the toolchains the
# course's programs are built with, from the base image's own packages. Installs only what is
# missing. Run once, as root, when the platform builds the autograder's image.
#
# LANGUAGES: the languages students hand in besides Python (c c++ go java node). A course that takes
# only Python and C says LANGUAGES="c" here, and the image carries no Go, no javac, no node.
LANGUAGES="${SOCKSPEC_LANGUAGES:-c c++ go java node}"
set -euo pipefail
need=()
java_ok() { command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; }
java_ok || need+=(openjdk-17-jre-headless)
command -v python3 >/dev/null 2>&1 || need+=(python3)
{ command -v setpriv && command -v prlimit; } >/dev/null 2>&1 || need+=(util-linux)
for language in $LANGUAGES; do
  case "$language" in
    c) command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
       command -v make >/dev/null 2>&1 || need+=(make) ;;
    c++) command -v c++ >/dev/null 2>&1 || need+=(g++) ;;
    go) command -v go >/dev/null 2>&1 || need+=(golang-go) ;;
    java) command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless) ;;
    node) command -v node >/dev/null 2>&1 || need+=(nodejs) ;;
    *) echo "sockspec: unknown language '$language' in LANGUAGES (known: c c++ go java node)" >&2; exit 2 ;;
  esac
done
if [ ${#need[@]} -gt 0 ]; then
  echo "sockspec: installing ${need[*]} (for: python $LANGUAGES; set LANGUAGES in setup.sh to install fewer)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "sockspec: everything is there (for: python $LANGUAGES)"
fi
java -version 2>&1 | head -1
python3 --version
