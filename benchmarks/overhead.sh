#!/usr/bin/env bash
# Benchmark of the bench's own cost: engine contact, kit image, open/close of a bench, a reference
# server's start. Usage: benchmarks/overhead.sh [ROUNDS]   (default 20). Figures go to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-image.sh >/dev/null
mvn -q install -DskipTests -Dsockspec.skipEngine
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
mvn -q -pl conformance-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, kernel $(uname -r), $(docker version -f 'Docker {{.Server.Version}}')"
java -cp "conformance-tests/target/test-classes:$cp" org.sockspec.conformance.bench.BenchOverhead "${1:-20}"
