#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# German screenshots of the four pages: a real Prometheus and Alertmanager (Debian packages) on
# free loopback ports with a few alerts and a silence, the real binary under Xvfb with
# LANG/LC_ALL=de_DE.UTF-8 (needs the locale: `localedef -i de_DE -f UTF-8 de_DE.UTF-8`), a
# temporary HOME and a Jaeger trace opened with --open-trace. Everything started here is stopped
# by PID at the end.
#   resources/translations/screenshots_de.sh BUILD/app/stackscope OUTDIR [TRACE.json]
# writes OUTDIR/{stack,metrics,alerts,traces}.png; look at them before copying any to
# packaging/screenshots/.
set -uo pipefail
binary=$1
out=$2
TRACE=${3:-}
for tool in Xvfb xdotool import curl prometheus prometheus-alertmanager; do
  command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 77; }
done
mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
freeport() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PP=$(freeport); AP=$(freeport); MP=$(freeport)
mkdir -p "$work/prom" "$work/am" "$work/home/.config/stackscope"
cat > "$work/prom/rules.yml" <<R
groups:
  - name: demo
    interval: 1s
    rules:
      - alert: HoheFehlerrate
        expr: vector(1)
        labels: {severity: critical, service: api}
        annotations: {summary: "Mehr als 5 % der Anfragen an api schlagen fehl"}
      - alert: LangsameAntworten
        expr: vector(1)
        labels: {severity: warning, service: web}
        annotations: {summary: "Das 95. Perzentil der Antwortzeit liegt über 800 ms"}
      - alert: PlatteFastVoll
        expr: vector(1)
        for: 1h
        labels: {severity: info}
        annotations: {summary: "Auf /var sind weniger als 15 % frei"}
      - record: job:up:sum
        expr: sum by (job) (up)
R
cat > "$work/prom/prometheus.yml" <<P
global: {scrape_interval: 2s, evaluation_interval: 1s}
rule_files: [rules.yml]
alerting:
  alertmanagers: [{static_configs: [{targets: ["127.0.0.1:$AP"]}]}]
scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ["127.0.0.1:$PP"]}]
  - job_name: alertmanager
    static_configs: [{targets: ["127.0.0.1:$AP"]}]
  - job_name: stackscope
    static_configs: [{targets: ["127.0.0.1:$MP"]}]
  - job_name: node
    static_configs: [{targets: ["127.0.0.1:9"]}]
P
cat > "$work/am/alertmanager.yml" <<A
route: {receiver: none, group_wait: 0s, group_interval: 1s}
receivers: [{name: none}]
A
prometheus --config.file="$work/prom/prometheus.yml" --storage.tsdb.path="$work/prom/data" \
  --web.listen-address=127.0.0.1:$PP >"$work/prom.log" 2>&1 & pids+=($!)
prometheus-alertmanager --config.file="$work/am/alertmanager.yml" --storage.path="$work/am/data" \
  --web.listen-address=127.0.0.1:$AP --cluster.listen-address= >"$work/am.log" 2>&1 & pids+=($!)
cat > "$work/home/.config/stackscope/config.yaml" <<C
version: 1
stack:
  compose_files: ["$(cd "$(dirname "$0")/../stack" && pwd)/docker-compose.yml"]
  project: stackscope
endpoints:
  prometheus: {url: "http://127.0.0.1:$PP"}
  alertmanagers: [{url: "http://127.0.0.1:$AP"}]
  jaeger: {url: "http://127.0.0.1:$(freeport)"}
refresh: {status: 2s, stack: 2s, metrics: 2s, alerts: 2s}
notifications: {enabled: false}
self_metrics: {enabled: true, listen: "127.0.0.1:$MP"}
C
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.05; done
export DISPLAY=":$(head -n1 "$work/display")"
sleep 3
now=$(date -u +%Y-%m-%dT%H:%M:%SZ); later=$(date -u -d '+2 hour' +%Y-%m-%dT%H:%M:%SZ)
earlier=$(date -u -d '-25 min' +%Y-%m-%dT%H:%M:%SZ)
curl -s -XPOST -H 'Content-Type: application/json' "http://127.0.0.1:$AP/api/v2/alerts" -d "[
 {\"labels\":{\"alertname\":\"HoheFehlerrate\",\"severity\":\"critical\",\"service\":\"api\",\"job\":\"api\",\"instance\":\"api:8080\"},
  \"annotations\":{\"summary\":\"Mehr als 5 % der Anfragen an api schlagen fehl\",\"description\":\"Die Fehlerrate liegt seit 10 Minuten bei 7,3 %.\"},
  \"startsAt\":\"$earlier\",\"endsAt\":\"$later\",\"generatorURL\":\"http://127.0.0.1:$PP/graph?g0.expr=vector(1)\"},
 {\"labels\":{\"alertname\":\"LangsameAntworten\",\"severity\":\"warning\",\"service\":\"web\",\"job\":\"web\"},
  \"annotations\":{\"summary\":\"Das 95. Perzentil der Antwortzeit liegt über 800 ms\"},\"startsAt\":\"$now\",\"endsAt\":\"$later\"},
 {\"labels\":{\"alertname\":\"ZertifikatLaeuftAb\",\"severity\":\"info\",\"job\":\"blackbox\"},
  \"annotations\":{\"summary\":\"Das TLS-Zertifikat von shop.example läuft in 12 Tagen ab\"},\"startsAt\":\"$earlier\",\"endsAt\":\"$later\"}]"
curl -s -XPOST -H 'Content-Type: application/json' "http://127.0.0.1:$AP/api/v2/silences" -d "{\"matchers\":[{\"name\":\"job\",\"value\":\"batch\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"$now\",\"endsAt\":\"$later\",\"createdBy\":\"anna\",\"comment\":\"Wartungsfenster der Batch-Jobs\"}" >/dev/null
sleep 3   # Prometheus scrapes and evaluates
env -i PATH="$PATH" HOME="$work/home" DISPLAY="$DISPLAY" LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 \
  XDG_RUNTIME_DIR="$work" DOCKER_HOST=unix:///run/docker.sock QT_QPA_PLATFORMTHEME= \
  "$binary" ${TRACE:+--open-trace "$TRACE"} >"$work/app.log" 2>&1 & pids+=($!)
win=""
for _ in $(seq 1 100); do win=$(xdotool search --onlyvisible --name '^Stackscope$' 2>/dev/null | head -n1); [ -n "$win" ] && break; sleep 0.1; done
[ -n "$win" ] || { echo "no window"; cat "$work/app.log"; exit 1; }
xdotool windowsize "$win" 1200 760; xdotool windowmove "$win" 0 0
sleep 5
# The navigation list: Stack, Metrics, Alerts, Traces at these window positions.
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; }
shoot() { click 60 "$2"; sleep "${3:-4}"; [ -n "${4:-}" ] && { click $4; sleep 1; }; import -window "$win" "$out/$1.png"; echo "shot $1"; }
shoot stack 40 2
shoot metrics 84 6
shoot alerts 128 3 "350 125"
shoot traces 172 2 "400 238"
if [ -n "${EXTRA:-}" ]; then eval "$EXTRA"; fi
cp "$work/app.log" "$out/app.log"
curl -s "http://127.0.0.1:$AP/api/v2/alerts" > "$out/am_alerts.json"
curl -s "http://127.0.0.1:$PP/api/v1/alerts" > "$out/prom_alerts.json"
