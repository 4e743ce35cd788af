#!/bin/sh
# Create the project's virtualenv (.venv) and install claimboard into it, with the given extras.
# Usage: scripts/setup.sh [EXTRAS]   e.g. scripts/setup.sh test
# Re-running is cheap: pip only installs what is missing or changed.
set -eu
cd "$(dirname "$0")/.."
python3 -m venv .venv
extras=${1:-}
target=.
[ -n "$extras" ] && target=".[${extras}]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
# An editable install compiles nothing, and where PYTHONDONTWRITEBYTECODE is set Python never
# writes bytecode itself: every run (and every CLI test) would compile the sources anew, about
# 0.25 s of CPU. Compiled once here; a source edited later is compiled afresh, as ever.
.venv/bin/python -m compileall -q extract dashboard >/dev/null
