#!/usr/bin/env bash
# Generates a class of N submissions (default 24, the class the figures in docs/ were measured on;
# 63 is the smallest with every hostile program) for `sockspec grade`: a mix of correct students (the
# handout's programs, with a select server that works: the handout's own never answers), defective
# ones (the handout's programs as printed, some missing or swapped) and hostile ones (each of
# examples/hostile/ as their srv_tcp.py, the UDP flooder as their client_udp.py, the model fakes as
# their srv_tcp_select.py or srv_tcp_fork.py, the stdlib shadow as a ctypes.py beside a srv_tcp.py
# that never listens; the one that prints its folder gets a notes.txt
# linked to a grader's file outside the class, which must never reach any report). Deterministic: the
# same N gives the same class, and a larger N the same first students (new hostile programs are
# taken last).
#
# CLASS_LANG=c: the class in C, graded with examples/c/lab-make.toml: every student hands in the six
# programs and a Makefile; correct ones examples/c's, defective ones its planted defects (a fork
# server that leaves zombies, a select server that blocks in recv), hostile ones a Makefile whose
# default goal is one of examples/hostile/builds' (a fork bomb, a loop, a disk filler, an output
# flood, a memory balloon, a kill-everything).
#
# Usage: benchmarks/make-class.sh DIR [N]     CLASS_MIX=correct: every student correct (the full-lab figure)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${1:?usage: benchmarks/make-class.sh DIR [N]}
n=${2:-24}
handout="$root/impl/src/test/resources/handout"
hostile=(fork_bomb busy_loop memory_balloon output_flood disk_filler ignores_sigterm double_fork_daemon
  never_listens syntax_error wrong_port not_utf8 fake_results kills_everything reads_lab_files
  ipc_hog blinds_the_kit hides_descriptors connects_to_itself runs_the_reference fills_run_lock
  floods_kit_server shadows_stdlib fakes_select fakes_fork hides_memory hides_disk
  fakes_select_dup fakes_fork_pollpri desyncs_the_helper hides_in_shared_mapping hides_in_flight
  hides_in_socket_buffers hides_disk_in_mapping prints_without_reading fakes_select_peek
  fakes_fork_thread_decoys hides_disk_in_page_mappings prints_without_reading_udp)
rm -rf "$dir"
mkdir -p "$dir"
if [ "${CLASS_LANG:-python}" = c ]; then
  builds=(fork_bomb floods_output fills_disk eats_memory kills_all loops)
  for i in $(seq 1 "$n"); do
    s=$(printf '%s/student%02d' "$dir" "$i")
    mkdir -p "$s"
    cp "$root"/examples/c/*.c "$root/examples/c/Makefile" "$s/"
    category=$((i % 5))
    [ "${CLASS_MIX:-mixed}" = correct ] && category=4
    case $category in
      0 | 1 | 3)
        b=${builds[$(((i - 1) % ${#builds[@]}))]}
        { echo ".DEFAULT_GOAL := $b"; cat "$root/examples/hostile/builds/Makefile"; } >"$s/Makefile" ;;
      2) cp "$root"/examples/c/defective/*.c "$s/" ;;
      4) ;;
    esac
  done
  exit 0
fi
# A file of the grader's, outside every student's folder (a dot file: not a student).
echo "GRADER SECRET: no student may read this" >"$dir/.grader-notes.txt"
next_hostile=0
for i in $(seq 1 "$n"); do
  s=$(printf '%s/student%02d' "$dir" "$i")
  mkdir -p "$s"
  cp "$handout"/*.py "$s/"
  category=$((i % 5))
  [ "${CLASS_MIX:-mixed}" = correct ] && category=4
  case $category in
    0 | 1 | 3)
      # hostile: one of the hostile programs is this student's srv_tcp.py
      h=${hostile[$((next_hostile % ${#hostile[@]}))]}
      next_hostile=$((next_hostile + 1))
      case $h in
        floods_kit_server) cp "$root/examples/hostile/$h.py" "$s/client_udp.py" ;;
        prints_without_reading) cp "$root/examples/hostile/$h.py" "$s/client_tcp.py" ;;
        prints_without_reading_udp) cp "$root/examples/hostile/$h.py" "$s/client_udp.py" ;;
        fakes_select | fakes_select_dup | fakes_select_peek) cp "$root/examples/hostile/$h.py" "$s/srv_tcp_select.py" ;;
        fakes_fork | fakes_fork_pollpri | fakes_fork_thread_decoys) cp "$root/examples/hostile/$h.py" "$s/srv_tcp_fork.py" ;;
        shadows_stdlib) cp "$root/examples/hostile/$h"/*.py "$s/" ;;
        *) cp "$root/examples/hostile/$h.py" "$s/srv_tcp.py" ;;
      esac
      [ "$h" = reads_lab_files ] && ln -s ../.grader-notes.txt "$s/notes.txt"
      ;;
    2)
      # defective: no fork server, and a UDP server handed in as the TCP one
      rm "$s/srv_tcp_fork.py"
      cp "$handout/srv_udp.py" "$s/srv_tcp.py" ;;
    4) # correct: the handout's programs, and a select server that answers
      cp "$root/examples/python/srv_tcp_select.py" "$s/" ;;
  esac
done
echo "$n students in $dir"
