#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# First launch as a person does it: a real X server (Xvfb), an empty HOME, the binary started
# with no arguments. Passes when a window titled "Stackscope" is mapped within 2 s, the default
# configuration has been written, and /metrics answers with stackscope_ metrics on the default
# 127.0.0.1:9465. Leaves a screenshot in the build folder. Exit 77 = skipped (tools missing).
set -euo pipefail
binary=$1
out=${2:-.}

for tool in Xvfb xdotool curl; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if curl -s -o /dev/null --max-time 1 http://127.0.0.1:9465/metrics; then
  echo "FAIL: something already serves 127.0.0.1:9465; this test needs the default port free"
  exit 1
fi

# Let Xvfb choose a free display and tell us which.
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.05; done
display=":$(head -n1 "$work/display")"
[ "$display" != ":" ] || { echo "FAIL: Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }

mkdir -p "$work/home"
start=$(date +%s%N)
env -i PATH="$PATH" HOME="$work/home" DISPLAY="$display" LANG=C.UTF-8 \
  "$binary" >"$work/app.log" 2>&1 &
app_pid=$!

window=""
for _ in $(seq 1 100); do
  window=$(DISPLAY=$display xdotool search --onlyvisible --name '^Stackscope$' 2>/dev/null | head -n1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "FAIL: stackscope exited"; cat "$work/app.log"; exit 1; }
  sleep 0.02
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ -n "$window" ] || { echo "FAIL: no window titled Stackscope after ${elapsed_ms} ms"; cat "$work/app.log"; exit 1; }
echo "window 'Stackscope' mapped after ${elapsed_ms} ms"
if [ "$elapsed_ms" -gt 2000 ]; then
  echo "FAIL: the window took longer than 2 s"
  exit 1
fi

config="$work/home/.config/stackscope/config.yaml"
[ -f "$config" ] || { echo "FAIL: $config was not written"; exit 1; }
grep -q '^version: 1' "$config" || { echo "FAIL: $config has no 'version: 1'"; exit 1; }
[ -f "$work/home/.local/share/stackscope/stack/docker-compose.yml" ] || { echo "FAIL: bundled stack not copied"; exit 1; }
echo "default configuration written to \$HOME/.config/stackscope/config.yaml"

metrics=""
for _ in $(seq 1 50); do
  metrics=$(curl -s --max-time 1 http://127.0.0.1:9465/metrics || true)
  [ -n "$metrics" ] && break
  sleep 0.1
done
echo "$metrics" | grep -q '^stackscope_build_info' || { echo "FAIL: no stackscope_ metrics on 127.0.0.1:9465"; exit 1; }
echo "127.0.0.1:9465/metrics serves $(echo "$metrics" | grep -c '^stackscope_') stackscope_ samples"

sleep 1 # let the status bar show the first checks
if command -v import >/dev/null; then
  DISPLAY=$display import -window root "$out/first_launch.png" 2>/dev/null && echo "screenshot: $out/first_launch.png" || true
fi
echo "PASS"
