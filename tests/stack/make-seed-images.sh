#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the images the seed stacks (tests/data/stack/seeds) run, from Debian's own binaries, in
# the daemon DOCKER_HOST names: for each image a root folder with the binary, the libraries `ldd`
# lists, busybox-static (sh, wget and nc for healthchecks), /etc/passwd and /tmp, then
# `tar | docker import`, tagged with the image name the seed's compose file uses.
# Images no Debian package gives (Grafana, Jaeger, Loki, cAdvisor, promtail, the seeds' own
# applications) are STAND-INS: busybox httpd serving static answers (see standin.sh below and
# tests/data/stack/seeds/SOURCES.md); they are not the real products.
#
# Cached twice: each tarball under $CACHE/<tag>.tar, keyed by the package's version and the
# checksum of the image's recipe, and each image carries that key as a label, so an image already in the
# daemon (a persistent data root) is not imported again.
#
# Usage: DOCKER_HOST=unix://... make-seed-images.sh DOCKER CACHE_DIR
# Prints "built TAG", "cached TAG" (tarball reused), "present TAG" (already in the daemon) or
# "skipped TAG: why" (a package is missing: .ci/bootstrap.sh installs it) per image.
set -euo pipefail

docker=${1:?docker CLI}
cache=${2:?cache folder}
mkdir -p "$cache"
work=$(mktemp -d /tmp/ssimg-XXXXXX)
trap 'rm -rf "$work"' EXIT
busybox=$(command -v busybox || true)
[ -n "$busybox" ] || { echo "skipped all: busybox-static is not installed"; exit 0; }

# put ROOT PATH [cp options]: copies PATH to ROOT/PATH (cp --parents in coreutils 9.1 fails
# depending on the current folder).
put() {
  local root=$1 path=$2; shift 2
  mkdir -p "$root$(dirname "$path")"
  cp "$@" "$path" "$root$path"
}

pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }

# copy_with_libs ROOT FILE...: the files and every library ldd names for them.
copy_with_libs() {
  local root=$1; shift
  local f lib
  for f in "$@"; do
    put "$root" "$f" -a
    [ -L "$f" ] && put "$root" "$(readlink -f "$f")" -a
    for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*' || true); do
      [ -e "$root$lib" ] || put "$root" "$lib" -L
    done
  done
}

base_root() {
  local root=$1
  mkdir -p "$root"/{bin,etc,tmp,root,var/run,usr/local/bin}
  chmod 1777 "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  local a
  for a in $("$busybox" --list); do
    [ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\npostgres:x:999:999:postgres:/tmp:/bin/sh\nredis:x:998:998:redis:/tmp:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\npostgres:x:999:\nredis:x:998:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
}

# image TAG PACKAGE ENTRYPOINT_JSON SETUP_FUNCTION
image() {
  local tag=$1 package=$2 entrypoint=$3 setup=$4
  local version
  version=$(pkg_version "$package")
  if [ -z "$version" ]; then
    echo "skipped $tag: Debian package $package is not installed (.ci/bootstrap.sh installs it)"
    return 0
  fi
  # The recipe (this image's setup function and the common base) is part of the key: changing
  # one image's recipe rebuilds that image only.
  local recipe
  recipe=$( (declare -f base_root copy_with_libs put "$setup"; echo "$entrypoint") | sha256sum | cut -c1-12)
  local key="$package=$version;recipe=$recipe"
  local have
  have=$("$docker" image inspect -f '{{index .Config.Labels "org.stackscope.test.key"}}' "$tag" 2>/dev/null || true)
  if [ "$have" = "$key" ]; then
    echo "present $tag"
    return 0
  fi
  local tarball="$cache/$(echo "$tag" | tr '/:' '__').tar"
  local how=cached
  if [ ! -s "$tarball" ] || [ "$(cat "$tarball.key" 2>/dev/null)" != "$key" ]; then
    local root="$work/$(echo "$tag" | tr '/:' '__')"
    base_root "$root"
    "$setup" "$root"
    tar -C "$root" -cf "$tarball.new" .
    mv "$tarball.new" "$tarball"
    echo "$key" >"$tarball.key"
    rm -rf "$root"
    how=built
  fi
  "$docker" import --change "ENTRYPOINT $entrypoint" --change "LABEL org.stackscope.test.key=$key" \
    "$tarball" "$tag" >/dev/null
  echo "$how $tag"
}

setup_prometheus() {
  copy_with_libs "$1" /usr/bin/prometheus
  ln -s /usr/bin/prometheus "$1/bin/prometheus"
  mkdir -p "$1/prometheus" "$1/etc/prometheus"
}
setup_alertmanager() {
  copy_with_libs "$1" /usr/bin/prometheus-alertmanager
  ln -s /usr/bin/prometheus-alertmanager "$1/bin/alertmanager"
  # Debian's build reads its notification templates from here.
  put "$1" /usr/share/prometheus/alertmanager -a
  mkdir -p "$1/alertmanager" "$1/etc/alertmanager"
}
setup_node() { copy_with_libs "$1" /usr/bin/prometheus-node-exporter; }
setup_blackbox() { copy_with_libs "$1" /usr/bin/prometheus-blackbox-exporter; }
setup_redis_exporter() { copy_with_libs "$1" /usr/bin/prometheus-redis-exporter; }
setup_postgres_exporter() { copy_with_libs "$1" /usr/bin/prometheus-postgres-exporter; }
setup_nginx_exporter() { copy_with_libs "$1" /usr/bin/prometheus-nginx-exporter; }
setup_redis() {
  copy_with_libs "$1" /usr/bin/redis-server
  [ -x /usr/bin/redis-cli ] && copy_with_libs "$1" /usr/bin/redis-cli
  return 0
}
setup_nginx() {
  copy_with_libs "$1" /usr/sbin/nginx
  mkdir -p "$1/etc/nginx" "$1/var/log/nginx" "$1/var/lib/nginx"
  cp /etc/nginx/mime.types "$1/etc/nginx/" 2>/dev/null || true
}
# PostgreSQL 15 with initdb: the data folder is made in the container on first start (in /tmp,
# so a stopped and started container keeps it).
setup_postgres() {
  local bin=/usr/lib/postgresql/15/bin lib=/usr/lib/postgresql/15/lib
  copy_with_libs "$1" "$bin/postgres" "$bin/initdb" "$bin/pg_isready" "$lib/plpgsql.so" \
    "$lib/dict_snowball.so"
  put "$1" /usr/share/postgresql/15 -a
  put "$1" /usr/share/zoneinfo -a
  cat >"$1/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
# Stand-in for the official image's entrypoint: initdb once, then postgres in the foreground.
set -e
export PATH=/usr/lib/postgresql/15/bin:$PATH
PGDATA=${PGDATA:-/tmp/pgdata}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  initdb -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --auth=trust --locale=C -E UTF8 >/tmp/initdb.log 2>&1
fi
exec postgres -D "$PGDATA" -c unix_socket_directories=/tmp "$@"
EOF
  chmod +x "$1/usr/local/bin/docker-entrypoint.sh"
}
# A stand-in: busybox httpd serving /www (mounted from the stack's folder). standin.sh takes the
# real product's listen flag or variable (Jaeger --query.http-server.host-port, Loki
# -server.http-listen-port, Grafana GF_SERVER_HTTP_PORT, cAdvisor -port, promtail
# -server.http-listen-port, an application's --listen) so the compose file reads like the
# real one and Stackscope finds the endpoint as it would.
setup_standin() {
  mkdir -p "$1/www"
  cat >"$1/usr/local/bin/standin.sh" <<'EOF'
#!/bin/sh
# STAND-IN, not the real product: serves the static answers in /www.
addr="127.0.0.1:${GF_SERVER_HTTP_PORT:-8080}"
for a in "$@"; do
  case "$a" in
    --query.http-server.host-port=*|--listen=*) addr=${a#*=} ;;
    -server.http-listen-port=*|--server.http-listen-port=*|-port=*|--port=*) addr="127.0.0.1:${a#*=}" ;;
  esac
done
case "$addr" in :*) addr="127.0.0.1$addr" ;; esac
# PID 1 ignores signals it has no handler for: stop httpd on SIGTERM ourselves, so that
# `compose stop` does not wait 10 s and kill.
httpd -f -p "$addr" -h /www &
child=$!
trap 'kill $child; exit 0' TERM INT
wait $child
EOF
  chmod +x "$1/usr/local/bin/standin.sh"
}

image prom/prometheus:v2.48.0 prometheus '["/usr/bin/prometheus"]' setup_prometheus
image prom/alertmanager:v0.26.0 prometheus-alertmanager '["/usr/bin/prometheus-alertmanager"]' setup_alertmanager
image prom/node-exporter:v1.6.0 prometheus-node-exporter '["/usr/bin/prometheus-node-exporter"]' setup_node
image prom/blackbox-exporter:v0.24.0 prometheus-blackbox-exporter '["/usr/bin/prometheus-blackbox-exporter"]' setup_blackbox
image oliver006/redis_exporter:v1.55.0 prometheus-redis-exporter '["/usr/bin/prometheus-redis-exporter"]' setup_redis_exporter
image prometheuscommunity/postgres-exporter:v0.15.0 prometheus-postgres-exporter '["/usr/bin/prometheus-postgres-exporter"]' setup_postgres_exporter
image nginx/nginx-prometheus-exporter:0.11.0 prometheus-nginx-exporter '["/usr/bin/prometheus-nginx-exporter"]' setup_nginx_exporter
image redis:7-alpine redis-server '["/usr/bin/redis-server"]' setup_redis
image nginx:alpine nginx-light '["/usr/sbin/nginx"]' setup_nginx
image postgres:15-alpine postgresql-15 '["/usr/local/bin/docker-entrypoint.sh"]' setup_postgres
for standin in grafana/grafana:10.2.2 jaegertracing/all-in-one:1.51 grafana/loki:2.9.2 \
  grafana/promtail:2.9.2 gcr.io/cadvisor/cadvisor:v0.47.2 ghcr.io/manugh/xg2g:latest \
  clipper/backend:latest; do
  image "$standin" busybox-static '["/usr/local/bin/standin.sh"]' setup_standin
done
