#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bundledstack_compose_config: the bundled docker-compose.yml validates with Debian's docker-compose (v1)
# and defines exactly the six services of the stack. Exits 77 (skip) when docker-compose is absent.
# Usage: compose_config.sh <resources/stack dir>
set -euo pipefail
stack_dir=${1:?usage: compose_config.sh <stack dir>}
compose_file="$stack_dir/docker-compose.yml"

if ! command -v docker-compose >/dev/null 2>&1; then
    echo "SKIP: docker-compose is not installed (Debian: apt install docker-compose)"
    exit 77
fi
docker-compose version --short || true

# `config` needs no Docker daemon. Run it from an empty folder so no stray .env is picked up.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "== docker-compose config -q"
docker-compose -f "$compose_file" config -q

echo "== docker-compose config --services"
actual=$(docker-compose -f "$compose_file" config --services | sort)
expected=$(printf '%s\n' prometheus alertmanager grafana jaeger node-exporter cadvisor | sort)
echo "$actual"
if [[ "$actual" != "$expected" ]]; then
    echo "FAIL: services differ from the expected six:"
    diff <(echo "$expected") <(echo "$actual") || true
    exit 1
fi

echo "== every service uses host networking and no published ports"
docker-compose -f "$compose_file" config > "$work/resolved.yml"
python3 - "$work/resolved.yml" <<'PY'
import sys, re
text = open(sys.argv[1], encoding="utf-8").read()
# The resolved config is plain YAML; a line-based look is enough and needs no PyYAML.
services, current = {}, None
in_services = False
for line in text.splitlines():
    if re.match(r"^services:\s*$", line):
        in_services = True
        continue
    if in_services and re.match(r"^\S", line):
        in_services = False
    if in_services:
        m = re.match(r"^  ([A-Za-z0-9_.-]+):\s*$", line)
        if m:
            current = m.group(1)
            services[current] = []
        elif current:
            services[current].append(line)
bad = []
for name, body in services.items():
    joined = "\n".join(body)
    if not re.search(r"^    network_mode: host\s*$", joined, re.M):
        bad.append(f"{name}: no network_mode: host")
    if re.search(r"^    ports:", joined, re.M):
        bad.append(f"{name}: publishes ports")
if bad:
    print("FAIL:\n  " + "\n  ".join(bad))
    sys.exit(1)
print(f"OK: {len(services)} services on host networking")
PY
echo "PASS"
