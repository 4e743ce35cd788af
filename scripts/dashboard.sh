#!/bin/sh
# The main job: install claimboard and open the dashboard on the built-in sample corpus.
# Extra arguments go to `claimboard dashboard` (input files, or Streamlit options such as
# --server.port 8600 --server.headless true).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
exec .venv/bin/claimboard dashboard "$@"
