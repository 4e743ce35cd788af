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
