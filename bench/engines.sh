#!/usr/bin/env bash
# Starts and stops extra Docker engines beside the machine's own, for grading a class over a pool of
# engines (issue 15's bench): each engine its own socket, data root, exec root and pid file, no bridge
# and no iptables (the kit's containers use no network but their own). `start N` prints the engines'
# URLs, one per line, as `grade --engines FILE` will read them; the data roots are kept between runs,
# so an image copied to an engine stays there.
#
# Usage: bench/engines.sh start N     start engines sockspec-engine-1..N (those already up are left as they are)
#        bench/engines.sh stop        stop every engine this script started
#        bench/engines.sh list        the URLs of those that answer
set -euo pipefail
readonly PREFIX=sockspec-engine
readonly WAIT_SECONDS=${SOCKSPEC_ENGINE_WAIT_SECONDS:-60}

say() { printf 'engines: %s\n' "$*" >&2; }
url() { printf 'unix:///run/%s.sock' "$1"; }
answers() { timeout 10 docker -H "$(url "$1")" info >/dev/null 2>&1; }

start_one() {
  local name=$1
  if answers "$name"; then
    return 0
  fi
  mkdir -p "/var/lib/$name" "/run/$name"
  # A daemon killed with -9 leaves its pid files behind, and dockerd will not start over them; it
  # may also still be on its way out (its process not yet gone) for a moment.
  local file pid
  for file in "/run/$name.pid" "/run/$name/containerd/containerd.pid"; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    for _ in $(seq 20); do
      kill -0 "$pid" 2>/dev/null && [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" != Z ] || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null && [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" != Z ]; then
      say "$name does not answer, but its process $pid runs: stop it first (bench/engines.sh stop)"
      return 1
    fi
    rm -f "$file"
  done
  # setsid: the engine outlives this script, as the machine's own does.
  setsid dockerd --host "$(url "$name")" --data-root "/var/lib/$name" --exec-root "/run/$name" \
    --pidfile "/run/$name.pid" --bridge none --iptables=false --ip-masq=false \
    >"/var/log/$name.log" 2>&1 </dev/null &
  local waited=0
  until answers "$name"; do
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      say "$name did not answer within $WAIT_SECONDS s; its log: /var/log/$name.log"
      tail -5 "/var/log/$name.log" >&2 || true
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "$name answers ($(url "$name"), after ${waited} s)"
}

stop_one() {
  local name=$1 pid
  for file in "/run/$name.pid" "/run/$name/containerd/containerd.pid"; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$file"
  done
  say "$name stopped"
}

started() {
  for file in /run/$PREFIX-*.pid; do
    [ -f "$file" ] && basename "$file" .pid
  done
}

[ "$(id -u)" = 0 ] || { say "engines are started as root (dockerd needs it)"; exit 2; }
command -v dockerd >/dev/null || { say "no dockerd: run scripts/ensure-engine.sh first"; exit 3; }
case ${1:-} in
  start)
    n=${2:?usage: bench/engines.sh start N}
    for i in $(seq 1 "$n"); do
      start_one "$PREFIX-$i"
      echo "$(url "$PREFIX-$i") jobs=1"
    done ;;
  stop)
    for name in $(started); do
      stop_one "$name"
    done ;;
  list)
    for name in $(started); do
      answers "$name" && echo "$(url "$name") jobs=1"
    done ;;
  *)
    echo "usage: bench/engines.sh start N | stop | list" >&2
    exit 2 ;;
esac
