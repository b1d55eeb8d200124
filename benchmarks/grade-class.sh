#!/usr/bin/env bash
# Benchmarks `sockspec grade`: generates a class (benchmarks/make-class.sh), grades it at --jobs 1 and
# --jobs 2 (and more jobs if given), and prints: seconds per full-lab student, students per minute,
# the grader's peak memory (/usr/bin/time -v, else the JVM's), whether the verdicts are identical
# across job counts, `check` time per kind (the handout's programs), and the conformance matrix's
# wall time and waiting share from the last `mvn verify` (conformance-tests/target/matrix-time.txt).
#
# Usage: benchmarks/grade-class.sh [N_STUDENTS] [JOBS...]     e.g. benchmarks/grade-class.sh 24 1 2 3
#   CLASS_MIX=correct (passed on to make-class.sh): a class of full-lab correct students only.
# The machine may be shared: figures include whatever else runs on it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-24}
shift || true
jobs_list=("$@")
[ ${#jobs_list[@]} -gt 0 ] || jobs_list=(1 2)
work=$(mktemp -d "${TMPDIR:-/tmp}/sockspec-bench.XXXXXX")
"$root/benchmarks/make-class.sh" "$work/class" "$n" >/dev/null
# A frozen copy of the kit: a build running meanwhile (the machine is shared) cannot change it.
"$root/sockspec" --version >/dev/null
"$root/scripts/ensure-image.sh" >/dev/null
cp "$root/cli/target/sockspec.jar" "$work/sockspec.jar"
sockspec() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$work/sockspec.jar" "$@"; }
full=$(grep -l . "$root"/impl/src/test/resources/handout/*.py | wc -l)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r), $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?') docker, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "class: $n students ($work/class), $full programs in a full lab"
for jobs in "${jobs_list[@]}"; do
  out="$work/out-$jobs"
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/time-$jobs.txt" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$work/sockspec.jar" grade "$work/class" --out "$out" --jobs "$jobs" \
      >"$work/grade-$jobs.log" 2>&1 || true
    peak="$(awk -F': ' '/Maximum resident/{printf "%.0f MB", $2/1024}' "$work/time-$jobs.txt")"
  else
    sockspec grade "$work/class" --out "$out" --jobs "$jobs" >"$work/grade-$jobs.log" 2>&1 || true
    peak="not measured (no /usr/bin/time)"
  fi
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  graded=$(find "$out" -name results.json | wc -l)
  printf 'jobs %s: %s students graded in %.1f s: %.1f s per student, %.1f students/min, peak RSS %s, load after: %s\n' \
    "$jobs" "$graded" "$secs" "$(echo "$secs / $n" | bc -l)" "$(echo "$n * 60 / $secs" | bc -l)" "$peak" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  # verdicts only (no timings): comparable across runs
  python3 - "$out" >"$work/verdicts-$jobs.txt" <<'PY'
import json, pathlib, sys
for f in sorted(pathlib.Path(sys.argv[1]).glob("*/results.json")):
    for t in json.loads(f.read_text())["extra_data"]["sockspec"]["tests"]:
        print(f.parent.name, t["name"], t["verdict"], t["reason"], sep="\t")
PY
done
first="$work/verdicts-${jobs_list[0]}.txt"
for jobs in "${jobs_list[@]:1}"; do
  if diff -q "$first" "$work/verdicts-$jobs.txt" >/dev/null; then
    echo "verdicts at --jobs ${jobs_list[0]} and --jobs $jobs: identical ($(wc -l <"$first") specs)"
  else
    echo "verdicts at --jobs ${jobs_list[0]} and --jobs $jobs: DIFFERENT:"
    diff "$first" "$work/verdicts-$jobs.txt" | head -20
  fi
done
if grep -rlq "GRADER SECRET" "$work"/out-*; then
  echo "LEAK: a grader's file reached a report: $(grep -rl "GRADER SECRET" "$work"/out-* | head -3)"
else
  echo "no report holds the grader's file that a student's link named"
fi
echo "verdict counts: $(cut -f3,4 "$first" | sort | uniq -c | sed 's/^ *//' | paste -sd, | sed 's/,/, /g')"

for pair in srv_tcp.py:tcp srv_udp.py:udp srv_tcp_fork.py:tcp-fork srv_tcp_select.py:tcp-select \
  client_tcp.py:client-tcp client_udp.py:client-udp; do
  file=${pair%%:*}
  kind=${pair##*:}
  start=$(date +%s.%N)
  program="$root/impl/src/test/resources/handout/$file"
  # the handout's select server never answers (it waits out every reply bound): time a working one
  [ "$kind" = tcp-select ] && program="$root/examples/python/$file"
  sockspec check "$program" --as "$kind" -q --format json >/dev/null 2>&1 || true
  printf 'check %-11s %.1f s (JVM start included)\n' "$kind" "$(echo "$(date +%s.%N) - $start" | bc)"
done

timefile="$root/conformance-tests/target/matrix-time.txt"
if [ -f "$timefile" ]; then
  echo "conformance matrix (last mvn verify, $(date -r "$timefile" '+%F %R')): $(cat "$timefile")"
else
  echo "conformance matrix: not measured (run mvn verify, or benchmarks/matrix-repeat.sh, first)"
fi
echo "work files: $work"
