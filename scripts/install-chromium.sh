#!/bin/sh
# Install Debian's Chromium for the dashboard's browser tests (tests/test_dashboard_browser.py).
# Playwright cannot download its own browser here, so the tests drive /usr/bin/chromium instead.
# Idempotent and quiet: does nothing when /usr/bin/chromium is already there. Runs as root (as CI
# does) or through sudo when available.
set -eu

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-chromium.sh: must run as root (or with sudo available)" >&2
    exit 1
fi

# apt's chatter goes to a log that is shown only when something fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run_quietly() {
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "install-chromium.sh: failed: $*" >&2
        exit 1
    fi
}

export DEBIAN_FRONTEND=noninteractive
run_quietly $SUDO apt-get update -qq
run_quietly $SUDO apt-get install -y -qq --no-install-recommends chromium

if [ ! -x /usr/bin/chromium ]; then
    echo "install-chromium.sh: apt-get finished but /usr/bin/chromium is missing" >&2
    exit 1
fi
