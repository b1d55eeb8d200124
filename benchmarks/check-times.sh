#!/usr/bin/env bash
# Measures `./sockspec check` wall time per kind, warm (kit built, image present, engine up), on
# Python programs: the examples (tcp, udp, tcp-select) and, given a folder with them, fork and
# threads servers. Prints one line per kind: the median and the spread of RUNS runs, each after
# one unmeasured warm-up run. The load average is printed too: the machine may be shared.
# Usage: benchmarks/check-times.sh [RUNS] [EXTRA_DIR]
#   EXTRA_DIR may hold srv_tcp_fork.py and srv_tcp_threads.py (see docs/cli.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
extra=${2:-}

targets=("examples/python/srv_tcp.py tcp" "examples/python/srv_udp.py udp" "examples/python/srv_tcp_select.py tcp-select")
if [ -n "$extra" ]; then
  [ -f "$extra/srv_tcp_fork.py" ] && targets+=("$extra/srv_tcp_fork.py tcp-fork")
  [ -f "$extra/srv_tcp_threads.py" ] && targets+=("$extra/srv_tcp_threads.py tcp-threads")
fi

cd "$root"
./sockspec specs >/dev/null # builds the kit if needed, outside the measurement
export SOCKSPEC_NO_BUILD=1  # and never during it, whatever changes in the sources meanwhile
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %6s %8s %8s %8s  %s\n' kind specs median min max "status"
for target in "${targets[@]}"; do
  read -r path kind <<<"$target"
  ./sockspec check "$path" --as "$kind" -q --format json >/dev/null || true # warm-up
  times=()
  status=0
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    run_status=0
    ./sockspec check "$path" --as "$kind" -q --format json >/tmp/sockspec-times.json || run_status=$?
    end=$(date +%s.%N)
    if [ "$run_status" -ne 0 ]; then
      status=$run_status
      python3 - /tmp/sockspec-times.json >&2 <<'PY' || true
import json, sys
for r in json.load(open(sys.argv[1])).get("results", []):
    if r["status"] not in ("passed", "skipped"):
        print("  %s %s: %s" % (r["id"], r["status"], r["message"][:400]))
PY
    fi
    times+=("$(echo "$end - $start" | bc)")
  done
  specs=$(python3 -c 'import json,sys; print(len(json.load(open("/tmp/sockspec-times.json"))["results"]))')
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-12s %6s %7.1fs %7.1fs %7.1fs  exit %s\n' "$kind" "$specs" "$median" \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$status"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
