#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bundledstack_prometheus_loads: runs Debian's real Prometheus on the bundled prometheus.yml (listening on a
# free loopback port, storage in a temp folder), waits for /-/ready, then checks through the HTTP
# API that the rule groups and every scrape job were loaded. Prometheus is always stopped, by PID.
# Exits 77 (skip) when /usr/bin/prometheus is absent.
# Usage: prometheus_loads.sh <resources/stack dir>
set -euo pipefail
stack_dir=${1:?usage: prometheus_loads.sh <stack dir>}
config="$stack_dir/prometheus/prometheus.yml"
prometheus_bin=${PROMETHEUS_BIN:-/usr/bin/prometheus}

if [[ ! -x "$prometheus_bin" ]]; then
    echo "SKIP: $prometheus_bin is not installed (Debian: apt install prometheus)"
    exit 77
fi
"$prometheus_bin" --version 2>&1 | head -n1 || true

work=$(mktemp -d)
pid=""
stop_prometheus() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    pid=""
}
checker=""
cleanup() {
    local rc=$?
    if [[ -n "$checker" ]]; then kill "$checker" 2>/dev/null || true; fi
    stop_prometheus
    if [[ $rc -ne 0 && -f "$work/prometheus.log" ]]; then
        echo "---- prometheus log (last 40 lines)"
        tail -n 40 "$work/prometheus.log"
    fi
    rm -rf "$work"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
echo "== starting $prometheus_bin on 127.0.0.1:$port"

# `timeout` is a last resort should this script itself be killed without running its trap
# (CTest's timeout sends SIGKILL): Prometheus then still ends on its own.
cd "$work"
timeout -s TERM 150 "$prometheus_bin" \
    --config.file="$config" \
    --storage.tsdb.path="$work/data" \
    --web.listen-address="127.0.0.1:$port" \
    --log.level=info \
    >"$work/prometheus.log" 2>&1 &
pid=$!

# In the background and awaited with `wait`, so a signal to this script runs the trap at once.
python3 - "$base" "$pid" <<'PY' &
import json, os, sys, time, urllib.request, urllib.error

base, pid = sys.argv[1], int(sys.argv[2])

def get(path):
    with urllib.request.urlopen(base + path, timeout=5) as r:
        return r.status, r.read().decode("utf-8")

def alive():
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False

def wait_for(what, check, seconds):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        if not alive():
            sys.exit(f"FAIL: prometheus exited while waiting for {what}")
        try:
            ok, last = check()
            if ok:
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
            last = str(e)
        time.sleep(0.25)
    sys.exit(f"FAIL: timed out waiting for {what}; last: {last}")

wait_for("/-/ready", lambda: (get("/-/ready")[0] == 200, "not ready"), 60)
print("ready")

def rules():
    data = json.loads(get("/api/v1/rules")[1])["data"]
    groups = {g["name"]: g for g in data["groups"]}
    return "xg2g_alerts" in groups, groups
groups = wait_for("the xg2g_alerts rule group", rules, 30)
xg2g = groups["xg2g_alerts"]
names = [r["name"] for r in xg2g["rules"]]
print("xg2g_alerts:", ", ".join(names))
errors = []
if len(names) != 6:
    errors.append(f"xg2g_alerts has {len(names)} rules, expected 6")
expected_alerts = {"HighErrorRate", "FrequentRateLimiting", "CircuitBreakerOpen",
                   "GPUQueueFull", "HighGPUUtilization", "ServiceDown"}
if set(names) != expected_alerts:
    errors.append(f"xg2g_alerts rules {sorted(names)}")
if xg2g.get("interval") != 30:
    errors.append(f"xg2g_alerts interval {xg2g.get('interval')}, expected 30")
if "stack" not in groups or "TargetDown" not in [r["name"] for r in groups["stack"]["rules"]]:
    errors.append("group stack with TargetDown missing")
else:
    print("stack:", ", ".join(r["name"] for r in groups["stack"]["rules"]))
for g in groups.values():
    for r in g["rules"]:
        if r.get("health") == "err":
            errors.append(f"rule {r['name']} unhealthy: {r.get('lastError')}")

expected_jobs = {"stackscope", "prometheus", "alertmanager", "grafana", "jaeger",
                 "node-exporter", "cadvisor"}
def targets():
    data = json.loads(get("/api/v1/targets")[1])["data"]
    found = {t["labels"]["job"]: t["scrapeUrl"] for t in data["activeTargets"]}
    return set(found) >= expected_jobs, found
# The discovery manager hands targets over in 5 s batches.
found = wait_for("every scrape job among the targets", targets, 30)
for job in sorted(found):
    print(f"target {job}: {found[job]}")
if set(found) != expected_jobs:
    errors.append(f"jobs {sorted(found)}, expected {sorted(expected_jobs)}")
if found.get("stackscope") != "http://127.0.0.1:9465/metrics":
    errors.append(f"stackscope target is {found.get('stackscope')}")

am = json.loads(get("/api/v1/alertmanagers")[1])["data"]["activeAlertmanagers"]
urls = [a["url"] for a in am]
print("alertmanagers:", urls)
if urls != ["http://127.0.0.1:9093/api/v2/alerts"]:
    errors.append(f"alertmanagers {urls}")

if errors:
    sys.exit("FAIL:\n  " + "\n  ".join(errors))
PY
checker=$!
wait "$checker"

stop_prometheus
echo "PASS"
