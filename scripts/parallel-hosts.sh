#!/bin/bash
# Cleans a JSON Lines corpus ({"id","url","html"} per line) on several machines with GNU
# parallel over ssh, writing the cleaned JSON Lines to stdout in the corpus's order:
#
#   scripts/parallel-hosts.sh corpus.jsonl node1 node2 > cleaned.jsonl
#
# Each host needs Node.js and this project at the same path (JINGDU, default: the
# bin/jingdu.mjs beside this script; NODE, default: node). SSH is the ssh command parallel
# uses (default: ssh); BLOCK the size of the part of the corpus each job gets (default: 10M);
# JOBLOG a file where parallel lists each job with its host and exit status.
# Every host gets one job at a time per core it has (parallel's -S N/host form sets N).
set -euo pipefail

corpus=${1:?usage: parallel-hosts.sh CORPUS.jsonl HOST... > cleaned.jsonl}
shift
[ $# -ge 1 ] || { echo 'parallel-hosts: name at least one host' >&2; exit 2; }
here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
jingdu=${JINGDU:-$here/../bin/jingdu.mjs}
logins=()
for host in "$@"; do logins+=(-S "$host"); done

# --pipepart cuts the file at line ends and sends each part to a job's stdin; -k writes the
# jobs' output in the parts' order, so the result is what one process writes.
exec parallel --will-cite --pipepart -a "$corpus" --block "${BLOCK:-10M}" -k --ssh "${SSH:-ssh}" "${logins[@]}" ${JOBLOG:+--joblog "$JOBLOG"} \
  "${NODE:-node}" "$jingdu" clean - --jsonl - --quiet --jobs 1
