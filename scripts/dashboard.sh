#!/bin/sh
# The main job: install claimboard and open the dashboard on the built-in sample corpus.
# Extra arguments go to `claimboard dashboard` (input files, or Streamlit options such as
# --server.port 8600 --server.headless true).
# The install runs once, and again only when pyproject.toml changes: the package is installed
# in editable mode, so changed code needs no reinstall (pip took about 10 s on every start).
set -eu
cd "$(dirname "$0")/.."
installed=.venv/.claimboard-installed
if [ ! -x .venv/bin/claimboard ] || [ ! -f "$installed" ] || [ pyproject.toml -nt "$installed" ]; then
    sh scripts/setup.sh
    touch "$installed"
fi
exec .venv/bin/claimboard dashboard "$@"
