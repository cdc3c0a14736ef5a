#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bundledstack_amtool_check: amtool accepts the bundled alertmanager.yml. Exits 77 (skip) when amtool is absent.
# Usage: amtool_check.sh <resources/stack dir>
set -euo pipefail
stack_dir=${1:?usage: amtool_check.sh <stack dir>}

if ! command -v amtool >/dev/null 2>&1; then
    echo "SKIP: amtool is not installed (Debian: apt install prometheus-alertmanager)"
    exit 77
fi
amtool --version 2>&1 | head -n1 || true
amtool check-config "$stack_dir/alertmanager/alertmanager.yml"
echo "PASS"
