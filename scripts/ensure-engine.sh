#!/usr/bin/env bash
# Makes sure a Docker engine answers, installing and starting one where this machine allows it.
#
# Idempotent: does nothing when `docker info` already answers (a local daemon, Docker Desktop, or a
# remote DOCKER_HOST). Otherwise, as root on Debian/Ubuntu, installs Debian's docker.io when dockerd
# is missing, starts dockerd in the background (there is no systemd on the build machines) and waits
# until it answers.
#
# Exit status: 0 an engine answers; 3 no engine and this script cannot provide one (the message
# says what to install or start). 3 is the same status `sockspec` uses for "cannot run containers".
set -u

readonly ENGINE_UNAVAILABLE=3
readonly WAIT_SECONDS=${SOCKSPEC_ENGINE_WAIT_SECONDS:-60}
readonly LOG=${SOCKSPEC_DOCKERD_LOG:-/var/log/sockspec-dockerd.log}

say() { printf 'sockspec: %s\n' "$*" >&2; }

cannot() {
  cat >&2 <<EOF
sockspec: no container engine is available, and this script cannot provide one here:
  $1
sockspec runs every program under test in a container. Install Docker and start it, then try
again: on Debian/Ubuntu as root, 'apt-get install docker.io' then 'dockerd &'; on other Linux
distributions, your distribution's docker (or docker-ce) package; on macOS or Windows, Docker
Desktop. To use an engine on another machine, set DOCKER_HOST (for example ssh://user@host).
EOF
  exit "$ENGINE_UNAVAILABLE"
}

engine_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }

# Every target gets a network namespace of its own, and by default a new namespace shares the host's
# TCP hash table (262144 buckets here): reading its /proc/net/tcp, as the probe does at every look at
# the socket table, walks all of them, 4 ms of CPU each. A small table of its own per new namespace
# (Linux 6.1+) makes that 0.07 ms. Only namespaces created from now on are concerned; where this is
# not root or the kernel is older, nothing changes but the probe's speed. SOCKSPEC_NO_SYSCTL=1 skips it.
small_namespace_tables() {
  [ "$(id -u)" = 0 ] && [ -z "${SOCKSPEC_NO_SYSCTL:-}" ] || return 0
  local knob
  for knob in net.ipv4.tcp_child_ehash_entries net.ipv4.udp_child_hash_entries; do
    if [ -w "/proc/sys/${knob//.//}" ] && [ "$(cat "/proc/sys/${knob//.//}")" = 0 ]; then
      echo 1024 >"/proc/sys/${knob//.//}" 2>/dev/null || true
    fi
  done
}
small_namespace_tables

# The kit gives a program its windows as its own time: what a busy machine kept it waiting is not
# counted. The kernel counts the wait for a CPU always (schedstat); the wait for the disk only with
# its delay accounting on (a small cost: two clock reads per block I/O wait). Where this is not
# root, or SOCKSPEC_NO_SYSCTL=1, only the wait for a CPU is counted.
delay_accounting() {
  [ "$(id -u)" = 0 ] && [ -z "${SOCKSPEC_NO_SYSCTL:-}" ] || return 0
  local knob=/proc/sys/kernel/task_delayacct
  if [ -w "$knob" ] && [ "$(cat "$knob")" = 0 ]; then
    echo 1 >"$knob" 2>/dev/null || true
  fi
}
delay_accounting

# Every program start is a `docker exec`, which moves a process into the target's cgroup; each such
# move takes the kernel's cgroup rwsem for writing, and every fork on the machine waits for it. Under
# a grader's churn that held correct programs in uninterruptible sleep (cgroup_can_fork) for seconds,
# past their startup bound (measured: 47 samples in D in two minutes of grading, 18 of them there;
# with this, 7 and none). favordynmods (Linux 6.0+) makes those moves cheap, at a small cost to
# forks. It is a mount option of the cgroup2 hierarchy, and holds for the machine until it reboots.
favour_cgroup_moves() {
  [ "$(id -u)" = 0 ] && [ -z "${SOCKSPEC_NO_SYSCTL:-}" ] || return 0
  local where options
  read -r where options < <(awk '$3 == "cgroup2" {print $2, $4; exit}' /proc/mounts) || return 0
  [ -n "$where" ] || return 0
  case ",$options," in *,favordynmods,*) return 0 ;; esac
  mount -o remount,favordynmods "$where" 2>/dev/null || true
}
favour_cgroup_moves

if engine_answers; then
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  cannot "DOCKER_HOST is set to '$DOCKER_HOST' but no engine answers there ('docker info' fails)."
fi
if [ "$(id -u)" != 0 ]; then
  cannot "no engine answers and installing or starting one needs root (this user is $(id -un))."
fi

if ! command -v dockerd >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 \
    || cannot "no engine answers, dockerd is not installed and this is not a Debian-like system."
  say "installing Debian's docker.io (one time, about 10 s)..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq docker.io >/tmp/sockspec-apt.log 2>&1; then
    apt-get update -qq >>/tmp/sockspec-apt.log 2>&1
    apt-get install -y -qq docker.io >>/tmp/sockspec-apt.log 2>&1 \
      || cannot "'apt-get install docker.io' failed; see /tmp/sockspec-apt.log."
  fi
fi

# A daemon may be starting already (another command of ours, a few seconds ago): wait for it
# rather than start a second one that would fail on the same socket.
if ! pgrep -x dockerd >/dev/null 2>&1; then
  say "starting dockerd in the background (log: $LOG)..."
  mkdir -p "$(dirname "$LOG")"
  nohup dockerd >"$LOG" 2>&1 &
fi

deadline=$((SECONDS + WAIT_SECONDS))
until engine_answers; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    cannot "dockerd was started but did not answer within ${WAIT_SECONDS} s; see $LOG."
  fi
  sleep 0.2 # polling `docker info`, the one readiness signal dockerd offers without systemd
done
say "container engine ready."
