#!/usr/bin/env bash
# The speed benchmark of the container bench (issue: checks near the no-isolation floor). In one run,
# side by side on this machine:
#   1. the floor: the six behaviours of `check srv_tcp.py --as tcp`, each in a fresh network namespace
#      (unshare -n), the program started with python3, the same windows, a plain script
#      (benchmarks/floor/tcp_behaviours.py); and the kit's `./sockspec check` of the same program, JVM start
#      included, in containers and with `--sandbox process`; medians of ROUNDS runs each,
#      alternated, and their ratios;
#   2. per kind and per sandbox, `check` of the handout's program: wall time and the whole machine's
#      CPU per spec (/proc/stat: every process, dockerd, containerd, runc, the JVMs and the programs);
#   3. `check` of a server that echoes instead of answering;
#   4. full-lab correct students (benchmarks/make-class.sh, CLASS_MIX=correct) graded at each --jobs, in
#      containers and with --sandbox process: seconds per student and CPU per student.
# Usage: benchmarks/speed.sh [ROUNDS] [STUDENTS] [JOBS...]      defaults: 5 4 1 2
# Run it on a quiet machine: every figure includes whatever else runs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-5}
students=${2:-4}
shift 2 2>/dev/null || shift $# 
jobs_list=("$@")
[ ${#jobs_list[@]} -gt 0 ] || jobs_list=(1 2)
work=$(mktemp -d "${TMPDIR:-/tmp}/sockspec-speed.XXXXXX")
"$root/sockspec" --version >/dev/null   # builds the kit if its sources changed, and its class archive
"$root/scripts/ensure-image.sh" >/dev/null
export SOCKSPEC_NO_BUILD=1
kit() { "$root/sockspec" "$@"; }
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }   # jiffies (USER_HZ=100) of all CPUs
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
server="$root/examples/python/srv_tcp.py"
floor_round() {
  (cd "$root/benchmarks/floor" && for b in ack end sockets second-client-waits refused backlog; do
    unshare -n -- python3 tcp_behaviours.py "$b" "$server" || { echo "floor: $b failed" >&2; exit 1; }
  done)
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r), Docker $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
kit check "$server" --as tcp -q --format json >/dev/null || true   # a warm-up: engine, images, page cache
for i in $(seq "$rounds"); do
  s=$(now); floor_round; echo "$(now) - $s" | bc >>"$work/floor.txt"
  s=$(now); kit check "$server" --as tcp -q --format json >/dev/null || true; echo "$(now) - $s" | bc >>"$work/kit.txt"
  s=$(now); kit check "$server" --as tcp --sandbox process -q --format json >/dev/null || true
  echo "$(now) - $s" | bc >>"$work/process.txt"
done
floor=$(median <"$work/floor.txt")
check=$(median <"$work/kit.txt")
process=$(median <"$work/process.txt")
runs() { sort -n "$1" | xargs printf '%.2f ' | sed 's/ $//'; }
printf '1. check srv_tcp.py --as tcp: %.2f s (median of %s; runs %s); no-isolation floor %.2f s (runs %s); ratio %.2f (target 1.3)\n' \
  "$check" "$rounds" "$(runs "$work/kit.txt")" "$floor" "$(runs "$work/floor.txt")" "$(echo "$check / $floor" | bc -l)"
printf '   with --sandbox process: %.2f s (runs %s); ratio %.2f\n' "$process" "$(runs "$work/process.txt")" \
  "$(echo "$process / $floor" | bc -l)"

echo "2. check per kind (the handout's programs; a select server that answers):"
for sandbox in containers process; do
echo "   --sandbox $sandbox:"
for pair in srv_tcp.py:tcp srv_udp.py:udp srv_tcp_fork.py:tcp-fork srv_tcp_select.py:tcp-select \
  client_tcp.py:client-tcp client_udp.py:client-udp; do
  file=${pair%%:*}
  kind=${pair##*:}
  program="$root/impl/src/test/resources/handout/$file"
  [ "$kind" = tcp-select ] && program="$root/examples/python/$file"
  b0=$(busy); s=$(now)
  kit check "$program" --as "$kind" --sandbox "$sandbox" -q --format json >"$work/$kind.json" || true
  wall=$(echo "$(now) - $s" | bc); b1=$(busy)
  specs=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['results']))" "$work/$kind.json")
  printf '   %-11s %d specs, %.2f s wall, %.2f s CPU (%.2f s a spec)\n' "$kind" "$specs" "$wall" \
    "$(echo "($b1 - $b0) / 100" | bc -l)" "$(echo "($b1 - $b0) / 100 / $specs" | bc -l)"
done
done

mkdir -p "$work/echo"
cat >"$work/echo/srv_tcp.py" <<'PY'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('', 12800))
s.listen(1)
conn, addr = s.accept()
while True:
    data = conn.recv(1024)
    if not data:
        break
    conn.send(data)
PY
s=$(now); kit check "$work/echo/srv_tcp.py" --as tcp -q --format json >/dev/null || true
printf '3. check of a server that echoes instead of answering: %.2f s (target 6 s)\n' "$(echo "$(now) - $s" | bc)"

CLASS_MIX=correct "$root/benchmarks/make-class.sh" "$work/class" "$students" >/dev/null
echo "4. $students full-lab correct students (6 programs, 26 specs each):"
for sandbox in containers process; do
for jobs in "${jobs_list[@]}"; do
  b0=$(busy); s=$(now)
  kit grade "$work/class" --out "$work/grades-$jobs" --jobs "$jobs" --sandbox "$sandbox" >"$work/grade-$jobs.log" 2>&1 || true
  wall=$(echo "$(now) - $s" | bc); b1=$(busy)
  passed=$(cat "$work/grades-$jobs"/*/results.json | grep -o '"verdict" *: *"passed"' | wc -l)
  printf '   --sandbox %s --jobs %s: %.1f s, %.2f s a student (target 4), %.2f s CPU a student (target 8), %s of %s specs passed\n' \
    "$sandbox" "$jobs" "$wall" "$(echo "$wall / $students" | bc -l)" "$(echo "($b1 - $b0) / 100 / $students" | bc -l)" \
    "$passed" "$((students * 26))"
  rm -rf "$work/grades-$jobs"   # the next sandbox grades anew, not --resume
done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); work files: $work"
