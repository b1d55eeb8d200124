#!/usr/bin/env bash
# Benchmarks grading over a pool of engines (issue 15), on this machine, in one run:
#   1. the floor: the six behaviours of `check srv_tcp.py --as tcp` with no isolation, each in a fresh
#      network namespace (benchmarks/floor/tcp_behaviours.py), against the kit's check of the same program;
#   2. a class (benchmarks/make-class.sh: correct, defective and hostile students) graded on the machine's
#      own engine at --jobs J: the single-engine baseline;
#   3. the same class over a pool of three engines (the machine's own and two started beside it by
#      benchmarks/engines.sh), jobs=K each: students per minute per engine and in all; verdicts against 2;
#   4. the same pool with engine 3's daemon killed with SIGKILL while it has a student in flight, and
#      started again D seconds later: the time lost to the failure (the wall time against 3, and the
#      grading dropped), verdicts against 2;
#   5. with POOL_JOBS="1 2 4" (say), the class over a pool of the machine's own engine alone at each
#      jobs=N: how many students an engine of this machine's size should take at once.
# The grader's own CPU (user + system of its JVM, /usr/bin/time) is given for 2 and 3.
# Usage: benchmarks/pool.sh [STUDENTS] [J] [K] [D]       defaults: 24 4 2 10
#   CLASS_MIX=correct (passed on to make-class.sh): full-lab correct students only.
# Run it on a quiet machine: every figure includes whatever else runs. The extra engines are stopped
# at the end (their data roots, and the runtime image copied into them, are kept).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-24}
jobs=${2:-4}
pool_jobs=${3:-2}
down=${4:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/sockspec-pool.XXXXXX")
"$root/sockspec" --version >/dev/null   # builds the kit if its sources changed
"$root/scripts/ensure-image.sh" >/dev/null
cp "$root/cli/target/sockspec.jar" "$work/sockspec.jar"   # a frozen kit: a build meanwhile cannot change it
kit() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$work/sockspec.jar" "$@"; }
# The kit, its own CPU (user + system seconds) written to $1.
timed_kit() {
  local cpu=$1
  shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$cpu" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$work/sockspec.jar" "$@"
  else
    echo "? ?" >"$cpu"
    kit "$@"
  fi
}
grader_cpu() { awk -v n="$2" 'NR==1 && $1 != "?" {printf "the grader'"'"'s JVM: %.2f s of CPU a student", ($1 + $2) / n} NR==1 && $1 == "?" {print "the grader'"'"'s CPU: not measured"}' "$1"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
verdicts() {
  python3 - "$1" <<'PY'
import json, pathlib, sys
for f in sorted(pathlib.Path(sys.argv[1]).glob("*/results.json")):
    for t in json.loads(f.read_text())["extra_data"]["sockspec"]["tests"]:
        print(f.parent.name, t["name"], t["verdict"], t["reason"], t.get("cause", {}).get("kind", ""), sep="\t")
PY
}
same_as_single() {
  if diff -q "$work/verdicts-single.txt" "$1" >/dev/null; then
    echo "identical to the single engine's ($(wc -l <"$1") specs)"
  else
    echo "DIFFERENT from the single engine's:"
    diff "$work/verdicts-single.txt" "$1" | head -20
  fi
}
trap '"$root/benchmarks/engines.sh" stop >/dev/null 2>&1 || true' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r), Docker $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/benchmarks/engines.sh" start 2 >"$work/extra.txt"
{ echo "unix:///var/run/docker.sock jobs=$pool_jobs"; sed "s/jobs=1/jobs=$pool_jobs/" "$work/extra.txt"; } >"$work/engines.txt"
"$root/benchmarks/make-class.sh" "$work/class" "$n" >/dev/null

# 1. The floor and the kit's check of the same program, alternated.
server="$root/examples/python/srv_tcp.py"
kit check "$server" --as tcp -q --format json >/dev/null || true   # warm-up: engine, images, page cache
for i in 1 2 3; do
  start=$(now)
  (cd "$root/benchmarks/floor" && for b in ack end sockets second-client-waits refused backlog; do
    unshare -n -- python3 tcp_behaviours.py "$b" "$server" >/dev/null
  done)
  since "$start" >>"$work/floor.txt"
  start=$(now)
  kit check "$server" --as tcp -q --format json >/dev/null || true
  since "$start" >>"$work/check.txt"
done
floor=$(median <"$work/floor.txt")
check=$(median <"$work/check.txt")
printf 'floor (no isolation) of check srv_tcp.py: %.2f s; the kit'"'"'s check: %.2f s; ratio %.2f (medians of 3)\n' \
  "$floor" "$check" "$(echo "$check / $floor" | bc -l)"

# 2. One engine.
start=$(now)
timed_kit "$work/single.cpu" grade "$work/class" --out "$work/single" --jobs "$jobs" >"$work/single.log" 2>&1 || true
single=$(since "$start")
verdicts "$work/single" >"$work/verdicts-single.txt"
printf 'one engine, --jobs %s: %d students in %.1f s: %.1f students/min; %s\n' "$jobs" "$n" "$single" \
  "$(echo "$n * 60 / $single" | bc -l)" "$(grader_cpu "$work/single.cpu" "$n")"

# 3. Three engines.
start=$(now)
timed_kit "$work/pool.cpu" grade "$work/class" --out "$work/pool" --engines "$work/engines.txt" >"$work/pool.log" 2>&1 \
  || true
pool=$(since "$start")
verdicts "$work/pool" >"$work/verdicts-pool.txt"
printf 'three engines, jobs=%s each: %d students in %.1f s: %.1f students/min; %s; verdicts %s\n' "$pool_jobs" "$n" \
  "$pool" "$(echo "$n * 60 / $pool" | bc -l)" "$(grader_cpu "$work/pool.cpu" "$n")" \
  "$(same_as_single "$work/verdicts-pool.txt")"
sed -n '/^Engines:/,/^Graded/p' "$work/pool.log" | grep '^  ' | sed 's/^  /  /'

# 4. Three engines, the third killed with a student in flight, started again $down s later.
start=$(now)
kit grade "$work/class" --out "$work/lost" --engines "$work/engines.txt" >"$work/lost.log" 2>&1 &
grader=$!
until grep -q " on engine 3" "$work/lost.log"; do
  kill -0 "$grader" 2>/dev/null || { echo "the grader ended before engine 3 finished a student"; exit 1; }
  sleep 0.1
done
kill -9 "$(cat /run/sockspec-engine-2.pid)"
killed=$(now)
sleep "$down"
"$root/benchmarks/engines.sh" start 2 >/dev/null
wait "$grader" || true
lost=$(since "$start")
verdicts "$work/lost" >"$work/verdicts-lost.txt"
dropped=$(grep -o 'what [0-9.]* s of grading' "$work/lost.log" | awk '{s+=$2} END {printf "%.1f", s}')
printf 'three engines, engine 3 killed at %.1f s into the run, back %s s later: %.1f s (%+.1f s against the run without the failure), %s s of grading dropped; verdicts %s\n' \
  "$(echo "$killed - $start" | bc)" "$down" "$lost" "$(echo "$lost - $pool" | bc)" "$dropped" \
  "$(same_as_single "$work/verdicts-lost.txt")"
grep -E 'lost at|back in the queue|answers again' "$work/lost.log" | sed 's/^/  /'
sed -n '/^Engines:/,/^Graded/p' "$work/lost.log" | grep '^  ' | sed 's/^  /  /'
finished=$(grep -cE '^\[[0-9]+/[0-9]+\] ' "$work/lost.log")
echo "students finished: $finished lines for $n students, $(find "$work/lost" -name results.json | wc -l) results.json"

# 5. One engine of a pool, at each jobs=N.
for k in ${POOL_JOBS:-}; do
  echo "unix:///var/run/docker.sock jobs=$k" >"$work/one-$k.txt"
  start=$(now)
  kit grade "$work/class" --out "$work/one-$k" --engines "$work/one-$k.txt" >"$work/one-$k.log" 2>&1 || true
  took=$(since "$start")
  verdicts "$work/one-$k" >"$work/verdicts-one-$k.txt"
  printf 'the machine'"'"'s engine alone in a pool, jobs=%s: %.1f s: %.1f students/min; verdicts %s\n' "$k" "$took" \
    "$(echo "$n * 60 / $took" | bc -l)" "$(same_as_single "$work/verdicts-one-$k.txt")"
done
echo "work files: $work"
