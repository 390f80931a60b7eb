#!/usr/bin/env bash
# The wall at 1920×1080, one screenshot per step, as a projector shows it: `yishi wall` in an
# xterm (DejaVu Sans Mono with WenQuanYi Zen Hei for Chinese) on a virtual screen, following a
# console that runs the demo's meeting in tmux. Writes docs/wall/*.png.
#
# Needs: Xvfb, xterm, imagemagick (import), tmux, fonts-wqy-zenhei, fonts-dejavu-core.
# Run from the repository: bash scripts/wall-screenshots.sh [extra xterm options, e.g. -cjk_width]
set -euo pipefail

cd "$(dirname "$0")/.."
cargo build --release -q
bin=$PWD/target/release/yishi
out=$PWD/docs/wall
suffix=${SUFFIX:-}
mkdir -p "$out"
work=$(mktemp -d)
export DISPLAY=:97
Xvfb :97 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'tmux -L shots kill-server 2>/dev/null || true; kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT

# Waits until the console's screen shows $1.
console_shows() {
  for _ in $(seq 1 200); do
    tmux -L shots capture-pane -t c -p | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  echo "the console never showed: $1" >&2
  tmux -L shots capture-pane -t c -p >&2
  exit 1
}
keys() { tmux -L shots send-keys -t c "$@"; }
# The wall follows within 50 ms; a little longer lets the X server finish drawing.
shoot() { sleep 0.6; import -window root "$out/$1$suffix.png"; echo "$out/$1$suffix.png"; }

tmux -L shots new-session -d -s c -x 200 -y 56 "TMPDIR=$work $bin demo"
console_shows "开始表决"
db=$(ls -d "$work"/yishi-demo-*)
xterm -fa "DejaVu Sans Mono" -fd "WenQuanYi Zen Hei" -fs 11 -geometry 200x56+58+6 "$@" \
  -e "$bin" --db "$db" wall &
sleep 1.5

# 民主决策: ballots coming in.
for k in y y y y y y y y y n n a; do keys "$k"; sleep 0.05; done
console_shows "未投 2"
shoot decide
# The result, which stays until the chair moves on.
keys C; console_shows "确认"; keys y; console_shows "通过"
shoot result
# The roll call.
keys r; console_shows "点名"
shoot roll-call
# 执行督办: a matter carried over from an earlier meeting.
keys g; console_shows "议程"
keys c; console_shows "带入未办结事项"; keys Enter; console_shows "后街餐馆油烟扰民"
keys j Enter; console_shows "任务（"
shoot execute
# 群众评议: the counts entered.
keys '>'; console_shows "确认"; keys y; console_shows "群众评议（"
keys e; console_shows "基本满意"
keys C-u 31 Tab C-u 9 Tab C-u 6 Enter; console_shows "满意率"
shoot review
# 意见收集: another matter carried over, still collecting.
keys g; console_shows "议程"
keys c; console_shows "带入未办结事项"; keys j j Enter; console_shows "雨水管道堵塞积水"
keys j j Enter; console_shows "意见（"
shoot collect
# 公开听证: two speakers, the first under way.
keys '>'; console_shows "确认"; keys y; console_shows "发言人（"
keys a; console_shows "登记发言人"; keys Enter; console_shows "等候"
keys a; console_shows "登记发言人"; keys Right Right Enter
keys n; console_shows "剩余"
sleep 4
shoot hear
