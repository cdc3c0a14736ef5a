#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging_desktop_validate: desktop-file-validate reports neither errors nor warnings (hints are
# printed, not failed on). Exits 77 (skip) when desktop-file-validate is absent.
# Usage: desktop_validate.sh <file.desktop>...
set -euo pipefail
(($# > 0)) || { echo "usage: desktop_validate.sh <file.desktop>..."; exit 2; }

if ! command -v desktop-file-validate >/dev/null 2>&1; then
    echo "SKIP: desktop-file-validate is not installed (Debian: apt install desktop-file-utils)"
    exit 77
fi

status=0
for file in "$@"; do
    echo "== desktop-file-validate $file"
    rc=0
    out=$(desktop-file-validate "$file" 2>&1) || rc=$?
    [[ -n "$out" ]] && echo "$out"
    if ((rc != 0)) || grep -Eq ': (error|warning): ' <<<"$out"; then
        echo "FAIL: $file has errors or warnings (exit code $rc)"
        status=1
    fi
done
((status == 0)) && echo "PASS"
exit $status
