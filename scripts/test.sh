#!/bin/sh
# The full test suite on a fresh machine: installs everything it needs (the virtualenv with the
# test extras, Debian's Chromium for the browser test), then runs pytest with any arguments given.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh test
sh scripts/install-chromium.sh
exec .venv/bin/python -m pytest "$@"
