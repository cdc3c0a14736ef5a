#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One script for the README's two commands, on a fresh Debian 12 (bookworm):
#   bash .ci/bootstrap.sh run    install what is missing, build (release), launch Stackscope
#   bash .ci/bootstrap.sh test   install what is missing, then three builds and their tests:
#                                ci (-Werror, every test), asan (the same suite under Address- and
#                                UndefinedBehaviorSanitizer) and fuzz (clang libFuzzer targets: a
#                                short run of each plus its regression inputs)
#   bash .ci/bootstrap.sh bench  the ci build and its tests, then build and run the benchmarks
# Extra arguments after `run` go to stackscope (e.g. --config FILE).
set -euo pipefail

mode=${1:-run}
shift || true
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# What building needs. qt6-charts-dev does not configure without the OpenGL, GL and xkbcommon
# development packages, so they are named here.
build_packages=(
  cmake ninja-build g++ pkg-config git
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev libxkbcommon-dev
  qt6-qpa-plugins libqt6svg6 qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  libyaml-cpp-dev prometheus-cpp-dev libsimdjson-dev ccache
)
# What the tests start or call: real Prometheus and Alertmanager, an X server, compose v1 for
# checking the bundled stack, validators for the desktop files, screenshot tools; the exporters,
# Redis, nginx and PostgreSQL whose binaries make the seed stacks' images (tst_seedstacks).
test_packages=(
  prometheus prometheus-alertmanager
  prometheus-node-exporter prometheus-blackbox-exporter prometheus-redis-exporter
  prometheus-postgres-exporter prometheus-nginx-exporter redis-server nginx-light postgresql-15
  docker.io docker-compose busybox-static
  dunst libnotify-bin dbus-x11
  xvfb xauth xdotool imagemagick curl python3 openssl
  desktop-file-utils appstream dpkg-dev lintian locales
)
# The fuzz build: clang 14 with libFuzzer and the sanitizer runtimes.
fuzz_packages=(clang-14 libclang-rt-14-dev)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "== installing: ${missing[*]}"
  as_root apt-get update -qq
  # Test machines want the packages, not their services (Prometheus on :9090, dockerd...): the
  # tests start their own. A policy-rc.d that we create (and only that) keeps them from starting.
  local policy=/usr/sbin/policy-rc.d created=""
  if [ "${STACKSCOPE_NO_SERVICES:-0}" = 1 ] && [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    created=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || { [ -n "$created" ] && as_root rm -f "$policy"; return 1; }
  [ -n "$created" ] && as_root rm -f "$policy"
  return 0
}

configure_and_build() {
  local preset=$1
  # ccache, when there, keeps objects between runs and between clones: paths are taken relative
  # to the checkout and the build folder is not hashed, so a fresh clone in another folder reuses
  # what an earlier build compiled (CMake reads the launcher from the environment).
  if command -v ccache >/dev/null 2>&1; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
    export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-12G}
  fi
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
}

case "$mode" in
  run)
    install_packages "${build_packages[@]}"
    if ! command -v docker >/dev/null 2>&1; then
      # Stackscope supervises the stack through docker compose; without Docker it still opens
      # and says so in its status bar.
      install_packages docker.io docker-compose
    fi
    configure_and_build release
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "Built build/release/app/stackscope, but there is no display to open it on (DISPLAY is unset)." >&2
      exit 1
    fi
    exec "$root/build/release/app/stackscope" "$@"
    ;;
  test|bench)
    packages=("${build_packages[@]}" "${test_packages[@]}")
    [ "$mode" = test ] && packages+=("${fuzz_packages[@]}")
    STACKSCOPE_NO_SERVICES=1 install_packages "${packages[@]}"
    # The German screenshots and manual checks want the de_DE.UTF-8 locale.
    locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' || as_root localedef -i de_DE -f UTF-8 de_DE.UTF-8 || true
    start=$(date +%s)
    status=0
    # stage NAME COMMAND...: runs one step, times it, and remembers a failure without stopping
    # the later stages (a sanitizer finding should not hide the fuzzers' result, or the reverse).
    stage() {
      local name=$1 t0 rc=0
      shift
      t0=$(date +%s)
      echo "== $name"
      "$@" || rc=$?
      echo "== $name took $(( $(date +%s) - t0 )) s (exit $rc)"
      [ "$rc" -eq 0 ] || status=1
      return "$rc"
    }
    if stage "build (ci)" configure_and_build ci; then
      stage "tests (ci)" ctest --preset ci || true
    fi
    if [ "$mode" = bench ]; then
      [ "$status" -eq 0 ] && { stage "benchmarks" cmake --build --preset ci --target bench || true; }
    else
      if stage "build (asan)" configure_and_build asan; then
        stage "tests (asan)" ctest --preset asan || true
      fi
      if stage "build (fuzz)" configure_and_build fuzz; then
        stage "fuzz runs and regressions" ctest --preset fuzz || true
      fi
    fi
    echo "== total $(( $(date +%s) - start )) s, exit $status"
    exit "$status"
    ;;
  *)
    echo "usage: bash .ci/bootstrap.sh run|test|bench [stackscope arguments]" >&2
    exit 2
    ;;
esac
