#!/usr/bin/env bash
# Readers against their peers, in the same run: each database given (with a checkpoint, as a
# console's close leaves it) is read by list, minutes latest, show latest and export (against
# cp of the same bytes), verify (against sha256sum of its journal), and the wall (start to its
# first frame and peak memory, in tmux). Usage: scripts/readers-bench.sh DB...
set -euo pipefail
R=${YISHI:-target/release/yishi}
for db in "$@"; do
  echo "== $db"
  $R --db "$db" export -o /tmp/readers-bench-export.json
  hyperfine -N --warmup 2 --runs 10 --export-markdown /tmp/readers-bench.md \
    "$R --db $db list" "$R --db $db minutes latest" "$R --db $db show latest" \
    "$R --db $db export -o /tmp/readers-bench-out.json" "cp /tmp/readers-bench-export.json /tmp/readers-bench-cp.json" \
    > /dev/null 2>&1
  cat /tmp/readers-bench.md
  hyperfine -N --warmup 1 --runs 3 --export-markdown /tmp/readers-bench.md \
    "$R --db $db verify" "sha256sum $db/journal.jsonl" > /dev/null 2>&1
  cat /tmp/readers-bench.md
  for c in "list" "minutes latest" "export -o /tmp/readers-bench-out.json" "verify"; do
    /usr/bin/time -f "$c: %M KB" $R --db "$db" $c > /dev/null
  done
  tmux kill-session -t readers-bench 2>/dev/null || true
  start=$(date +%s%N)
  tmux new-session -d -s readers-bench -x 200 -y 56 "$R --db $db wall"
  until tmux capture-pane -p -t readers-bench | grep -q '▄'; do sleep 0.002; done
  end=$(date +%s%N)
  sleep 0.3
  pid=$(pgrep -f "$db wall" | while read -r p; do [ "$(cat /proc/$p/comm)" = yishi ] && echo "$p"; done | head -1)
  echo "wall: first frame $(( (end - start) / 1000000 )) ms, $(grep VmHWM /proc/"$pid"/status)"
  tmux kill-session -t readers-bench
done
rm -f /tmp/readers-bench-*.json /tmp/readers-bench.md
