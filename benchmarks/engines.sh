#!/usr/bin/env bash
# Starts and stops extra Docker engines beside the machine's own, for grading a class over a pool of
# engines (issue 15's bench): each engine its own socket, data root, exec root and pid file, no bridge
# and no iptables (the kit's containers use no network but their own). `start N` prints the engines'
# URLs, one per line, as `grade --engines FILE` will read them; the data roots are kept between runs,
# so an image copied to an engine stays there.
#
# With --tls, the engines (sockspec-tls-engine-1..N) also listen on tcp://127.0.0.1:2375N with TLS
# and client certificates, as an engine on another machine would (--tlsverify): a test CA, a server
# and a client certificate are made once with openssl in /var/lib/sockspec-engines-tls, and the
# URLs printed are tcp://127.0.0.1:PORT tls=CLIENT-CERT-FOLDER.
#
# Usage: benchmarks/engines.sh start N [--tls]  start engines 1..N (those already up are left as they are)
#        benchmarks/engines.sh stop             stop every engine this script started
#        benchmarks/engines.sh list             the URLs of those that answer
set -euo pipefail
readonly PREFIX=sockspec-engine
readonly TLS_PREFIX=sockspec-tls-engine
readonly TLS_DIR=/var/lib/sockspec-engines-tls
readonly WAIT_SECONDS=${SOCKSPEC_ENGINE_WAIT_SECONDS:-60}

say() { printf 'engines: %s\n' "$*" >&2; }
# Whether process $1 exists and is not a zombie (one killed but not yet reaped holds no resources).
alive() { kill -0 "$1" 2>/dev/null && [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != Z ]; }
socket() { printf 'unix:///run/%s.sock' "$1"; }
tls_port() { echo $((23750 + ${1##*-})); }
# The engine's line of an engines file.
url() {
  case $1 in
    "$TLS_PREFIX"-*) printf 'tcp://127.0.0.1:%s tls=%s/client' "$(tls_port "$1")" "$TLS_DIR" ;;
    *) socket "$1" ;;
  esac
}
answers() { timeout 10 docker -H "$(socket "$1")" info >/dev/null 2>&1; }

# A CA, a server certificate for 127.0.0.1 and a client certificate, as Docker's guide to protecting
# the daemon socket makes them (https://docs.docker.com/engine/security/protect-access/).
make_certificates() {
  [ -f "$TLS_DIR/client/key.pem" ] && return 0
  command -v openssl >/dev/null || { say "--tls needs openssl (apt-get install openssl)"; exit 3; }
  local work
  work=$(mktemp -d)
  (
    cd "$work"
    openssl genrsa -out ca-key.pem 2048 2>/dev/null
    openssl req -new -x509 -days 365 -key ca-key.pem -subj "/CN=sockspec test CA" -out ca.pem
    openssl genrsa -out server-key.pem 2048 2>/dev/null
    openssl req -new -key server-key.pem -subj "/CN=127.0.0.1" -out server.csr
    printf 'subjectAltName = IP:127.0.0.1,DNS:localhost\nextendedKeyUsage = serverAuth\n' >server.ext
    openssl x509 -req -days 365 -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -extfile server.ext \
      -out server-cert.pem 2>/dev/null
    openssl genrsa -out key.pem 2048 2>/dev/null
    openssl req -new -key key.pem -subj "/CN=sockspec grader" -out client.csr
    printf 'extendedKeyUsage = clientAuth\n' >client.ext
    openssl x509 -req -days 365 -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -extfile client.ext \
      -out cert.pem 2>/dev/null
    mkdir -p "$TLS_DIR/server" "$TLS_DIR/client"
    cp ca.pem server-cert.pem server-key.pem "$TLS_DIR/server/"
    cp ca.pem cert.pem key.pem "$TLS_DIR/client/"
    chmod 600 "$TLS_DIR"/*/*key.pem
  )
  rm -rf "$work"
}

start_one() {
  local name=$1
  if answers "$name"; then
    return 0
  fi
  mkdir -p "/var/lib/$name" "/run/$name"
  # A daemon killed with -9 leaves its pid file behind, and dockerd will not start over it. Its
  # process may also still be on its way out: a killed process ends only when its last thread
  # leaves the kernel, and on a busy machine one of dockerd's may be held there (a mount, a cgroup)
  # for tens of seconds. Its containerd may outlive it: the new dockerd takes a running one over
  # (it reads that pid file), and its pid file is only removed once its process is gone.
  local pid halves=0
  if [ -f "/run/$name.pid" ]; then
    pid=$(cat "/run/$name.pid")
    while alive "$pid" && [ "$halves" -lt $((2 * WAIT_SECONDS)) ]; do
      sleep 0.5
      halves=$((halves + 1))
    done
    if alive "$pid"; then
      say "$name does not answer, but its process $pid is still there after ${WAIT_SECONDS} s (state $(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' '), in $(cat "/proc/$pid/wchan" 2>/dev/null || echo '?')): stop it first (benchmarks/engines.sh stop)"
      return 1
    fi
    rm -f "/run/$name.pid"
  fi
  pid=$(cat "/run/$name/containerd/containerd.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && ! alive "$pid"; then
    rm -f "/run/$name/containerd/containerd.pid"
  fi
  # setsid: the engine outlives this script, as the machine's own does.
  local tls=()
  case $name in
    "$TLS_PREFIX"-*)
      make_certificates
      tls=(--host "tcp://127.0.0.1:$(tls_port "$name")" --tlsverify --tlscacert "$TLS_DIR/server/ca.pem"
        --tlscert "$TLS_DIR/server/server-cert.pem" --tlskey "$TLS_DIR/server/server-key.pem") ;;
  esac
  setsid dockerd --host "$(socket "$name")" "${tls[@]}" --data-root "/var/lib/$name" --exec-root "/run/$name" \
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
  say "$name answers ($(socket "$name"), after ${waited} s)"
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
  for file in /run/$PREFIX-*.pid /run/$TLS_PREFIX-*.pid; do
    [ -f "$file" ] && basename "$file" .pid
  done
}

[ "$(id -u)" = 0 ] || { say "engines are started as root (dockerd needs it)"; exit 2; }
command -v dockerd >/dev/null || { say "no dockerd: run scripts/ensure-engine.sh first"; exit 3; }
case ${1:-} in
  start)
    n=${2:?usage: benchmarks/engines.sh start N [--tls]}
    prefix=$PREFIX
    [ "${3:-}" = --tls ] && prefix=$TLS_PREFIX
    for i in $(seq 1 "$n"); do
      start_one "$prefix-$i"
      echo "$(url "$prefix-$i") jobs=1"
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
    echo "usage: benchmarks/engines.sh start N [--tls] | stop | list" >&2
    exit 2 ;;
esac
