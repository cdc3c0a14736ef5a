#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the SVG application icon to the PNG sizes hicolor wants. The PNGs are committed so that
# building needs no SVG renderer; run this again after changing resources/icons/stackscope.svg.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../../resources/icons/stackscope.svg"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$here/hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$here/hicolor/${size}x${size}/apps/io.github.stackscope.Stackscope.png"
done
