#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The house rules a reader relies on (README, "Architecture"), checked on the sources:
# - every project include names its library from the repository root (app/, models/, ui/, tests/);
# - models/ includes neither app/ nor ui/, and ui/ does not include app/ (it does not link it);
# - app/ includes no ui/ header outside the composition root (main.cpp, application.*, features/).
# Prints each offending line as FILE:LINE: include, and exits 1 when there is one.
set -u
root=${1:?usage: check_layers.sh SOURCE_ROOT}
cd "$root" || exit 2
status=0
report() {
  local rule=$1
  shift
  local hits
  hits=$(grep -rnE "$@" 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "$rule:"
    echo "$hits" | sed 's/^/  /'
    status=1
  fi
}
# Quoted includes that are not rooted (generated .moc files are the build's own).
unrooted=$(grep -rnE --include='*.h' --include='*.cpp' '^\s*#\s*include\s+"' app models ui tests \
  | grep -vE '#\s*include\s+"(app|models|ui|tests)/' | grep -vE '\.moc"')
if [ -n "$unrooted" ]; then
  echo "an include that does not name its library:"
  echo "$unrooted" | sed 's/^/  /'
  status=1
fi
report "models/ includes app/ or ui/" --include='*.h' --include='*.cpp' \
  '^\s*#\s*include\s+"(app|ui)/' models
report "ui/ includes app/" --include='*.h' --include='*.cpp' '^\s*#\s*include\s+"app/' ui
report "app/ includes ui/ outside the composition root" --include='*.h' --include='*.cpp' \
  --exclude-dir=features --exclude='application.*' --exclude=main.cpp '^\s*#\s*include\s+"ui/' app
[ "$status" -eq 0 ] && echo "layers and includes as the README says"
exit "$status"
