#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bundledstack_promtool_check: promtool accepts the bundled prometheus.yml (whose rule_files resolve
# relative to its own folder) and alert-rules.yml. Exits 77 (skip) when promtool is absent.
# Usage: promtool_check.sh <resources/stack dir>
set -euo pipefail
stack_dir=${1:?usage: promtool_check.sh <stack dir>}

if ! command -v promtool >/dev/null 2>&1; then
    echo "SKIP: promtool is not installed (Debian: apt install prometheus)"
    exit 77
fi
promtool --version 2>&1 | head -n1 || true

# From another folder, to prove the rule file path does not depend on the working directory.
cd /
promtool check config "$stack_dir/prometheus/prometheus.yml"
promtool check rules "$stack_dir/prometheus/alert-rules.yml"
echo "PASS"
