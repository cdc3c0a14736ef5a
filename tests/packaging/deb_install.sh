#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# packaging_deb_install: builds the .deb with CPack, installs it with apt like a user would,
# runs the installed binary (--version, then the window under Xvfb with an empty HOME), validates
# the installed desktop entry and AppStream file, and removes the package again.
# Usage: deb_install.sh BUILD_DIR. Exit 77 (skipped) when this cannot be done here: not root, no
# apt, or a stackscope package is already installed (we will not replace a user's install).
set -euo pipefail
build=$1

[ "$(id -u)" -eq 0 ] || { echo "SKIP: installing a package needs root"; exit 77; }
command -v apt-get >/dev/null || { echo "SKIP: no apt-get"; exit 77; }
command -v cpack >/dev/null || { echo "SKIP: no cpack"; exit 77; }
if dpkg-query -W -f='${Status}' stackscope 2>/dev/null | grep -q 'install ok installed'; then
  echo "SKIP: a stackscope package is installed already; not touching it"; exit 77
fi
for tool in Xvfb xdotool desktop-file-validate appstreamcli dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
installed=""
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null || true
  if [ -n "$installed" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq stackscope >/dev/null 2>&1 || dpkg -r stackscope >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$work"/stackscope_*.deb)
echo "package: $(basename "$deb"), $(( $(stat -c %s "$deb") / 1024 )) KiB"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
if command -v lintian >/dev/null; then
  lintian --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1 || true
  echo "lintian: $(grep -c '^E:' "$work/lintian.log" || true) errors, $(grep -c '^W:' "$work/lintian.log" || true) warnings"
  if grep -qE '^(E|W):' "$work/lintian.log"; then
    grep -E '^(E|W):' "$work/lintian.log" | sed 's/^/  /'
    echo "FAIL: lintian is not clean"; exit 1
  fi
fi

DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; echo "FAIL: apt-get install"; exit 1; }
installed=1

version=$(/usr/bin/stackscope --version)
[ "$version" = "stackscope 0.1.0" ] || { echo "FAIL: --version said '$version'"; exit 1; }
echo "installed /usr/bin/stackscope --version: $version"

desktop=/usr/share/applications/io.github.stackscope.Stackscope.desktop
metainfo=/usr/share/metainfo/io.github.stackscope.Stackscope.metainfo.xml
out=$(desktop-file-validate "$desktop" 2>&1) || { echo "$out"; echo "FAIL: desktop-file-validate"; exit 1; }
[ -z "$out" ] || { echo "$out"; echo "FAIL: desktop-file-validate printed warnings"; exit 1; }
appstreamcli validate --no-net "$metainfo" >"$work/as.log" 2>&1 || { cat "$work/as.log"; echo "FAIL: appstreamcli"; exit 1; }
for f in /usr/share/man/man1/stackscope.1.gz /usr/share/icons/hicolor/scalable/apps/io.github.stackscope.Stackscope.svg \
         /usr/share/icons/hicolor/48x48/apps/io.github.stackscope.Stackscope.png /usr/share/stackscope/stack/docker-compose.yml \
         /usr/share/doc/stackscope/copyright; do
  [ -f "$f" ] || { echo "FAIL: $f is not installed"; exit 1; }
done
echo "desktop entry, AppStream, man page, icons, bundled stack: installed and valid"

exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.05; done
display=":$(head -n1 "$work/display")"
mkdir -p "$work/home"
env -i PATH=/usr/bin:/bin HOME="$work/home" DISPLAY="$display" LANG=C.UTF-8 /usr/bin/stackscope >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 250); do
  window=$(DISPLAY=$display xdotool search --onlyvisible --name '^Stackscope$' 2>/dev/null | head -n1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "FAIL: the installed stackscope exited"; exit 1; }
  sleep 0.02
done
[ -n "$window" ] || { cat "$work/app.log"; echo "FAIL: no window from the installed binary"; exit 1; }
[ -f "$work/home/.config/stackscope/config.yaml" ] || { echo "FAIL: no default config written"; exit 1; }
echo "the installed binary opened its window with an empty HOME"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq stackscope >/dev/null
installed=""
[ ! -e /usr/bin/stackscope ] || { echo "FAIL: /usr/bin/stackscope is still there after removal"; exit 1; }
echo "removed again"
echo "PASS"
