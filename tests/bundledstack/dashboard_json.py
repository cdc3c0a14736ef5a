#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bundledstack_dashboard_json: the bundled Grafana dashboard parses, is the seed's "xg2g Production
Overview" and has its five panels. Usage: dashboard_json.py <resources/stack dir>"""
import json
import sys
from pathlib import Path

path = Path(sys.argv[1]) / "grafana" / "dashboards" / "xg2g-overview.json"
doc = json.loads(path.read_text(encoding="utf-8"))
# The seed gives the HTTP API form {"dashboard": {...}}, but Grafana's file provisioner reads
# `title` at the top level and skips a wrapped file ("Dashboard title cannot be empty"): the
# bundled copy must be the bare model.
errors = []
if "dashboard" in doc:
    errors.append("wrapped in {\"dashboard\": ...}: Grafana's file provisioning would skip it")
dash = doc.get("dashboard", doc)
if dash.get("title") != "xg2g Production Overview":
    errors.append(f"title is {dash.get('title')!r}")
if dash.get("uid") != "xg2g-overview":
    errors.append(f"uid is {dash.get('uid')!r}")
panels = dash.get("panels", [])
if len(panels) != 5:
    errors.append(f"{len(panels)} panels, expected 5")
ids = [p.get("id") for p in panels]
if len(set(ids)) != len(ids):
    errors.append(f"duplicate panel ids {ids}")
for p in panels:
    if not p.get("targets") or not all(t.get("expr") for t in p["targets"]):
        errors.append(f"panel {p.get('title')!r} has a target without expr")
if errors:
    print("FAIL: " + "; ".join(errors))
    sys.exit(1)
print(f"PASS: {path.name}: {len(panels)} panels: " + ", ".join(p["title"] for p in panels))
