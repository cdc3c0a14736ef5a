#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run_in_session.sh [--xvfb] [--dunst] TEST [ARGS...]
#
# Runs TEST inside a private D-Bus session (dbus-run-session), so that nothing reaches the
# desktop of the person running the tests. --xvfb also starts a private X server (Xvfb picks a
# free display, -displayfd); --dunst also starts the real dunst notification daemon on it, with a
# minimal configuration of our own (never the user's). Everything started here is stopped by its
# own pid. Exit 77 (CTest's skip) when a tool is missing, saying which.
set -u

if [ -z "${STACKSCOPE_IN_SESSION:-}" ]; then
    command -v dbus-run-session >/dev/null 2>&1 || { echo "SKIP: dbus-run-session is not installed (package dbus)"; exit 77; }
    STACKSCOPE_IN_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

xvfb=0
dunst=0
while [ $# -gt 0 ]; do
    case "$1" in
        --xvfb) xvfb=1; shift ;;
        --dunst) xvfb=1; dunst=1; shift ;;
        *) break ;;
    esac
done

tmp=$(mktemp -d)
xvfb_pid=""
dunst_pid=""
cleanup() {
    [ -n "$dunst_pid" ] && kill "$dunst_pid" 2>/dev/null
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

if [ $xvfb = 1 ]; then
    command -v Xvfb >/dev/null 2>&1 || { echo "SKIP: Xvfb is not installed (package xvfb)"; exit 77; }
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
    xvfb_pid=$!
    i=0
    while [ ! -s "$tmp/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$tmp/display" ] || { echo "Xvfb did not start:"; cat "$tmp/xvfb.log"; exit 1; }
    DISPLAY=":$(cat "$tmp/display")"
    export DISPLAY
fi

if [ $dunst = 1 ]; then
    command -v dunst >/dev/null 2>&1 || { echo "SKIP: dunst is not installed (package dunst)"; exit 77; }
    command -v dunstctl >/dev/null 2>&1 || { echo "SKIP: dunstctl is not installed (package dunst)"; exit 77; }
    cat >"$tmp/dunstrc" <<'RC'
[global]
    monitor = 0
    follow = none
    width = 420
    height = 200
    origin = top-right
    offset = 10x40
    notification_limit = 0
    markup = full
    format = "<b>%s</b>\n%b"
    font = DejaVu Sans 10
    frame_width = 2
    idle_threshold = 0
    show_age_threshold = -1
    sticky_history = yes
    history_length = 50
    mouse_left_click = do_action, close_current
[urgency_low]
    timeout = 0
[urgency_normal]
    background = "#2b2b2b"
    foreground = "#ffffff"
    frame_color = "#ef8a00"
    timeout = 0
[urgency_critical]
    background = "#3a1010"
    foreground = "#ffffff"
    frame_color = "#c62828"
    timeout = 0
RC
    XDG_CONFIG_HOME="$tmp/xdg" dunst -config "$tmp/dunstrc" >"$tmp/dunst.log" 2>&1 &
    dunst_pid=$!
    i=0
    # Ask the bus whether dunst owns the name (dunstctl itself would D-Bus-activate another dunst).
    owned() {
        dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q true
    }
    while ! owned && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    owned >/dev/null 2>&1 || { echo "dunst did not start:"; cat "$tmp/dunst.log"; exit 1; }
    STACKSCOPE_DUNST_LOG="$tmp/dunst.log"
    export STACKSCOPE_DUNST_LOG
fi

"$@"
rc=$?
exit $rc
