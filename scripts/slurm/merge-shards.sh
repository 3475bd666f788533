#!/bin/bash
# Merges the shards of a jingdu Slurm array (OUTDIR/shard-0.jsonl … shard-N-1.jsonl) into the
# JSON Lines one process would have written: shard I holds inputs I, I+N, I+2N … one line
# each, in order, so taking a line from each shard in turn restores the inputs' order.
#
#   scripts/slurm/merge-shards.sh OUTDIR [N] > corpus.jsonl
#
# N is the number of shards (default: the shard files found). A missing shard, or one whose
# length cannot be a finished shard's (longer than the one before it, or more than one line
# shorter than the first), stops the merge with exit 1; sacct tells whether every task ended.
set -euo pipefail

out=${1:?usage: merge-shards.sh OUTDIR [N] > merged.jsonl}
count=${2:-$(find "$out" -maxdepth 1 -name 'shard-*.jsonl' | wc -l)}
[ "$count" -ge 1 ] || { echo "merge-shards: no shard-*.jsonl in $out" >&2; exit 1; }

files=()
first=
previous=
for ((i = 0; i < count; i++)); do
  f="$out/shard-$i.jsonl"
  [ -f "$f" ] || { echo "merge-shards: $f is missing" >&2; exit 1; }
  lines=$(wc -l < "$f")
  first=${first:-$lines}
  # Shards are as long as the first, or one line shorter (the inputs ran out).
  if [ "$lines" -gt "${previous:-$lines}" ] || [ "$lines" -lt $((first - 1)) ]; then
    echo "merge-shards: $f has $lines lines where $first or $((first - 1)) were expected: run its task again" >&2
    exit 1
  fi
  previous=$lines
  files+=("$f")
done
# paste takes line k of every file in turn; shards that ran out give empty lines, never a record.
paste -d '\n' "${files[@]}" | sed '/^$/d'
