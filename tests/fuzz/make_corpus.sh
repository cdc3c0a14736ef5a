#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Assembles the seed corpus and the dictionary of every fuzz target from the test fixtures:
#   make_corpus.sh SOURCE_DIR SHARED_DIR OUT_DIR
# OUT_DIR/<target>/ gets the seeds, OUT_DIR/<target>.dict the dictionary (syntax tokens of
# tests/fuzz/dicts plus the string literals of the parser's sources, i.e. the keys it looks for).
# The shared folder is optional (its Jaeger fixtures and seed dashboards are added when present).
set -euo pipefail
src=${1:?source dir}
shared=${2:-}
out=${3:?output dir}
data=$src/tests/data
fuzz=$src/tests/fuzz

mkdir -p "$out"

seed() { # seed TARGET FILE...: copies the files that exist
    local target=$1
    shift
    mkdir -p "$out/$target"
    local f
    for f in "$@"; do
        [ -f "$f" ] && cp -f "$f" "$out/$target/$(basename "$f")"
    done
    return 0
}

seed_text() { # seed_text TARGET NAME TEXT (printf format)
    mkdir -p "$out/$1"
    printf "$3" >"$out/$1/$2"
}

dict() { # dict TARGET BASE SOURCE...: base tokens plus the sources' string literals
    local target=$1 base=$2
    shift 2
    {
        cat "$fuzz/dicts/$base.dict"
        grep -ohE '"[A-Za-z_@][A-Za-z0-9_. :/@-]{0,40}"' "$@" 2>/dev/null | sort -u
    } >"$out/$target.dict"
}

# Prometheus API bodies.
seed prom_parser "$data"/metrics/*.json "$data"/metrics/*.txt "$data"/metrics/*.html
seed_text prom_parser hand-scalar.json '{"status":"success","data":{"resultType":"scalar","result":[1700000000.5,"1e-05"]}}'
seed_text prom_parser hand-labels-values.json '{"status":"success","data":["a","b"],"warnings":["w"]}'
seed_text prom_parser hand-series.json '{"status":"success","data":[{"__name__":"up","job":"p"}]}'
dict prom_parser json "$src"/app/prometheus/promparser.cpp

# Alertmanager v2 and Prometheus alerts/rules.
seed alerts_json "$data"/alerts/*.json
seed_text alerts_json hand-silence-id.json '{"silenceID":"8f2b"}'
dict alerts_json json "$src"/app/alerts/alertsjson.cpp "$src"/models/alerts/alertdata.cpp

# Jaeger v1 and v3 traces, OTLP JSON lines (the Collector's file exporter) and Zipkin v2.
seed jaeger_traces "$data"/traces/*.json "$data"/traces/*.jsonl
seed_text jaeger_traces hand-lines-two-traces.jsonl '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"a1","spanId":"01","name":"x","status":{"code":2}}]}]}]}
{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"b2","spanId":"02","parentSpanId":"01","name":"y","kind":"SPAN_KIND_CLIENT"}]}]}]}'
seed_text jaeger_traces hand-zipkin-shared.json '[{"traceId":"1","id":"2","kind":"CLIENT","name":"c","tags":{"error":"x"},"annotations":[{"timestamp":1,"value":"ws"}]},{"traceId":"1","id":"2","kind":"SERVER","shared":true,"parentId":"1","localEndpoint":{"serviceName":"s"}},{"traceId":"1","id":"3","parentId":"2","localEndpoint":{"serviceName":"s"}}]'
seed_text jaeger_traces hand-spans-null.json '{"traceID":"1","spans":null}'
[ -n "$shared" ] && [ -d "$shared/fixtures/jaeger" ] && seed jaeger_traces "$shared"/fixtures/jaeger/*.json
dict jaeger_traces json "$src"/app/jaeger/traceparser.cpp

# Docker: events stream, stats lines, container list and inspect, log stream.
seed docker_events "$data"/stack/events.jsonl
mkdir -p "$out/docker_events"
{ cat "$data/stack/stats-cgroup.json"; echo; } >"$out/docker_events/stats-cgroup.jsonl" 2>/dev/null || true
dict docker_events json "$src"/app/docker/dockerjson.cpp
seed docker_json "$data"/stack/containers.json "$data"/stack/inspect-*.json
dict docker_json json "$src"/app/docker/dockerjson.cpp
mkdir -p "$out/docker_logs"
# First byte: bit 0 TTY, bit 1 timestamps; then the body.
if [ -f "$data/stack/logs-multiplexed.bin" ]; then
    { printf '\002'; cat "$data/stack/logs-multiplexed.bin"; } >"$out/docker_logs/multiplexed-ts"
    { printf '\000'; cat "$data/stack/logs-multiplexed.bin"; } >"$out/docker_logs/multiplexed"
fi
seed_text docker_logs tty-ts '\003%s' '2024-01-02T03:04:05.123456789Z hello\r\n2024-01-02T03:04:06Z world\npartial'
seed_text docker_logs frames '\002\001\000\000\000\000\000\000\0362024-01-02T03:04:05Z out line\n\002\000\000\000\000\000\000\005err\nx'
cp -f "$fuzz/dicts/docker_logs.dict" "$out/docker_logs.dict"

# HTTP/1.1 responses of the unix-socket transport.
seed_text http_reader chunked 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nTrailer: t\r\n\r\n'
seed_text http_reader length 'HTTP/1.1 404 Not Found\r\nContent-Length: 29\r\nContent-Type: application/json\r\n\r\n{"message":"No such image"}\n\n'
seed_text http_reader close 'HTTP/1.0 200 OK\r\nServer: Docker\r\n\r\n{"status":"start"}\n{"status":"die"}\n'
seed_text http_reader continue 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nApi-Version: 1.43\r\n\r\n'
seed_text http_reader events 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\n{"Type":"container","x":1}\n\r\n0\r\n\r\n'
cp -f "$fuzz/dicts/http.dict" "$out/http_reader.dict"

# YAML: compose files, the configuration, our dashboards.
seed compose_yaml "$data"/stack/*compose*.yml "$src"/resources/stack/docker-compose.yml
for d in "$data"/stack/public/*/; do
    for f in "$d"*.y*ml; do
        [ -f "$f" ] && cp -f "$f" "$out/compose_yaml/public-$(basename "$d")-$(basename "$f")"
    done
done
seed_text compose_yaml hand-interpolation.yml 'name: ${P:-x}\nx-a: &a\n  image: ${I:?need}\nservices:\n  s:\n    <<: [*a]\n    ports: ["${Q:-80}:80", "[::1]:1-2:3-4/udp"]\n    command: sh -c "a $$HOME"\n  t: {extends: s, volumes: ["./d:/d:ro"]}\n'
# include: the first entry names the fuzzed file itself (a cycle, whatever is on disk).
seed_text compose_yaml hand-include.yml 'include:\n  - compose.yml\n  - path: [${D:-inc}/a.yml, b.yml]\n    project_directory: ..\n    env_file: [.env, x.env]\nservices:\n  s:\n    image: x\n    volumes: ["./d:/d", {type: bind, source: e, target: /e}]\n'
dict compose_yaml yaml "$src"/app/compose/composefile.cpp

# .env files and compose's interpolation.
mkdir -p "$out/dotenv"
for d in "$data"/stack/public/*/; do
    [ -f "$d.env" ] && cp -f "$d.env" "$out/dotenv/public-$(basename "$d").env"
done
seed_text dotenv hand-quotes.env 'export A=1\nB="two\\nlines ${A}"\nC=\047${A} literal\047\nD=x #comment\nE: ${NOPE:-${SET:+alt}}\n'
{
    cat "$fuzz/dicts/dotenv.dict"
    grep -ohE '"[A-Za-z_@][A-Za-z0-9_. :/@-]{0,40}"' "$src"/app/compose/dotenv.cpp 2>/dev/null | sort -u
} >"$out/dotenv.dict"
seed config_yaml "$data"/config/*.yaml "$src"/resources/config/default.yaml
dict config_yaml yaml "$src"/app/config/configloader.cpp
seed dashboard_yaml "$src"/app/prometheus/dashboards/*.yaml
dict dashboard_yaml yaml "$src"/app/prometheus/dashboardloader.cpp

# Grafana dashboards: fixtures, the stack's provisioned dashboards, and the JSON blocks of the
# seed dashboards' Markdown (the same extraction as DashboardLoader::extractJsonBlock).
seed dashboard_json "$data"/metrics/grafana-*.json "$src"/resources/stack/grafana/dashboards/*.json
if [ -n "$shared" ] && [ -d "$shared/seeds" ]; then
    for f in "$shared"/seeds/*.txt; do
        [ -f "$f" ] || continue
        awk -v out="$out/dashboard_json/$(basename "$f" .txt)" '
            /^```json/ { inside = 1; n++; file = out "-" n ".json"; next }
            /^```/ { if (inside) close(file); inside = 0; next }
            inside { print > file }' "$f"
    done
fi
dict dashboard_json json "$src"/app/prometheus/dashboardloader.cpp

seed loki_parser "$data"/loki/*.json
dict loki_parser json "$src"/app/loki/lokiparser.cpp

# Every target has a corpus folder, even when its fixtures are absent.
for t in prom_parser alerts_json jaeger_traces docker_events docker_json docker_logs http_reader \
    compose_yaml dotenv config_yaml dashboard_json dashboard_yaml loki_parser; do
    mkdir -p "$out/$t"
    [ -n "$(ls -A "$out/$t")" ] || printf '{}' >"$out/$t/empty-object"
done
