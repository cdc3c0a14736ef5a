#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging_install_tree: `cmake --install` into a temporary prefix puts the desktop file, the
# AppStream metainfo, the icon and the bundled stack where desktops and software centres look for
# them, and the installed copies still validate.
#
# When the stackscope executable has been built, this is a full `cmake --install`; when it has not
# (e.g. only the tests were built), only the "data" component is installed, so the test does not
# depend on building the whole app.
# Usage: install_tree.sh <cmake> <build dir> <datadir (relative)> <app id> <executable path>
set -euo pipefail
cmake_bin=$1 build_dir=$2 datadir=$3 app_id=$4 exe=$5
here=$(cd "$(dirname "$0")" && pwd)

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

if [[ -x "$exe" ]]; then
    echo "== cmake --install $build_dir --prefix $prefix"
    "$cmake_bin" --install "$build_dir" --prefix "$prefix"
    full=1
else
    echo "NOTE: $exe is not built; installing only the 'data' component"
    echo "== cmake --install $build_dir --prefix $prefix --component data"
    "$cmake_bin" --install "$build_dir" --prefix "$prefix" --component data
    full=0
fi

share="$prefix/$datadir"
desktop="$share/applications/$app_id.desktop"
metainfo="$share/metainfo/$app_id.metainfo.xml"
icon="$share/icons/hicolor/scalable/apps/$app_id.svg"
stack="$share/stackscope/stack"

echo "== installed files"
missing=0
for f in "$desktop" "$metainfo" "$icon" \
         "$stack/docker-compose.yml" "$stack/README.md" \
         "$stack/prometheus/prometheus.yml" "$stack/prometheus/alert-rules.yml" \
         "$stack/alertmanager/alertmanager.yml" \
         "$stack/grafana/provisioning/datasources/prometheus.yml" \
         "$stack/grafana/provisioning/dashboards/default.yml" \
         "$stack/grafana/dashboards/xg2g-overview.json"; do
    if [[ -f "$f" ]]; then
        echo "ok       ${f#"$prefix"/}"
    else
        echo "MISSING  ${f#"$prefix"/}"
        missing=1
    fi
done
if ((full)); then
    if [[ -x "$prefix/bin/stackscope" ]]; then echo "ok       bin/stackscope"; else echo "MISSING  bin/stackscope"; missing=1; fi
fi
((missing == 0)) || { echo "FAIL: files missing from the install tree"; exit 1; }

grep -q '<svg' "$icon" || { echo "FAIL: $icon is not an SVG"; exit 1; }
grep -qx "Icon=$app_id" "$desktop" || { echo "FAIL: the desktop file's Icon= is not $app_id"; exit 1; }
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || { echo "FAIL: the metainfo's launchable is not $app_id.desktop"; exit 1; }

# The installed copies validate too. A missing validator is reported, not skipped over silently.
skipped=()
if command -v desktop-file-validate >/dev/null 2>&1; then
    bash "$here/desktop_validate.sh" "$desktop"
else
    skipped+=(desktop-file-validate)
fi
if command -v appstreamcli >/dev/null 2>&1; then
    bash "$here/appstream_validate.sh" "$metainfo"
    # validate-tree also checks that the metainfo, its desktop file and the icon fit together.
    echo "== appstreamcli validate-tree --no-net $prefix"
    rc=0
    out=$(appstreamcli validate-tree --no-net --no-color "$prefix" 2>&1) || rc=$?
    echo "$out"
    if ((rc != 0)) || grep -Eq '^[[:space:]]*[EW]: ' <<<"$out"; then
        echo "FAIL: validate-tree reports errors or warnings (exit code $rc)"
        exit 1
    fi
else
    skipped+=(appstreamcli)
fi
if ((${#skipped[@]})); then
    echo "SKIP: the tree is complete, but ${skipped[*]} is not installed to validate the installed copies"
    exit 77
fi
echo "PASS"
