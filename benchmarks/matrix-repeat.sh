#!/usr/bin/env bash
# Runs the conformance matrix (ConformanceMatrixIT, as `mvn verify` runs it) N times in a row and
# says whether every run held, which rows ever failed, and each run's wall time and waiting share.
# With --load, two busy loops (one per core of this 2-core machine) run beside it the whole time:
# the verdicts must not change with CPU load.
#
# Usage: benchmarks/matrix-repeat.sh N [--load]          Figures go to docs/performance.md.
# SOCKSPEC_MVN_ARGS: more Maven arguments, e.g. -Dmaven.repo.local=/tmp/m2 to keep a frozen copy of
# the kit from being replaced by another build's `mvn install` while the runs go on.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:?usage: benchmarks/matrix-repeat.sh N [--load]}
load=${2:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/sockspec-matrix.XXXXXX")
cd "$root"
bash scripts/ensure-engine.sh >/dev/null
read -r -a extra <<<"${SOCKSPEC_MVN_ARGS:-}"
mvn -B -q "${extra[@]}" install -DskipTests

spinners=()
stop_spinners() { [ ${#spinners[@]} -eq 0 ] || kill "${spinners[@]}" 2>/dev/null || true; }
trap stop_spinners EXIT
if [ "$load" = --load ]; then
  for _ in $(seq "$(nproc)"); do
    bash -c 'while :; do :; done' &
    spinners+=($!)
  done
  echo "load: ${#spinners[@]} busy loops running beside the matrix"
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); $runs runs; work files: $work"
held=0
for i in $(seq 1 "$runs"); do
  start=$SECONDS
  status=0
  mvn -B -o -q "${extra[@]}" -pl conformance-tests verify -Dit.test=ConformanceMatrixIT -Dtest=none -Dinvoker.skip=true \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false >"$work/run-$i.log" 2>&1 || status=$?
  report=conformance-tests/target/failsafe-reports/TEST-org.sockspec.conformance.ConformanceMatrixIT.xml
  cp "$report" "$work/run-$i.xml" 2>/dev/null || true
  # a failed row is a <testcase> followed by <failure> or <error>
  python3 - "$work/run-$i.xml" >"$work/failed-$i.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    suite = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("(no report)"); sys.exit()
for case in suite.iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        print(case.get("name"))
PY
  failed=$(wc -l <"$work/failed-$i.txt")
  [ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && held=$((held + 1))
  printf 'run %2d: exit %d, %d failed rows, %d s; %s; load %s\n' "$i" "$status" "$failed" $((SECONDS - start)) \
    "$(head -1 conformance-tests/target/matrix-time.txt 2>/dev/null || echo 'no matrix time')" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "held: $held of $runs runs"
cat "$work"/failed-*.txt | sort | uniq -c | sort -rn | head -20
[ "$held" -eq "$runs" ]
