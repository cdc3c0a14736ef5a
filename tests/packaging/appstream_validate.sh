#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging_appstream_validate: `appstreamcli validate --no-net` reports neither errors nor
# warnings (infos are printed, not failed on). Exits 77 (skip) when appstreamcli is absent.
# Usage: appstream_validate.sh <file.metainfo.xml>...
set -euo pipefail
(($# > 0)) || { echo "usage: appstream_validate.sh <file.metainfo.xml>..."; exit 2; }

if ! command -v appstreamcli >/dev/null 2>&1; then
    echo "SKIP: appstreamcli is not installed (Debian: apt install appstream)"
    exit 77
fi
appstreamcli --version 2>&1 | head -n1 || true

status=0
for file in "$@"; do
    echo "== appstreamcli validate --no-net $file"
    rc=0
    out=$(appstreamcli validate --no-net --no-color "$file" 2>&1) || rc=$?
    echo "$out"
    if ((rc != 0)) || grep -Eq '^[EW]: ' <<<"$out"; then
        echo "FAIL: $file has errors or warnings (exit code $rc)"
        status=1
    fi
done
((status == 0)) && echo "PASS"
exit $status
