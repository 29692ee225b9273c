#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/Charter.Browser.Tests).
# Idempotent and quiet when Chromium is already there. Installs with apt (the only network it needs is the
# Debian mirror); never downloads a browser from elsewhere. Several test builds may start at once, so the
# apt work is serialised with flock on a lock file shared by the project's set-up scripts.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
LOCK=/tmp/charter-apt.lock

[ -x "$CHROMIUM" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium so that $CHROMIUM exists" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-chromium: $CHROMIUM is missing; run as root (or with sudo): apt-get install chromium" >&2
    exit 1
  fi
fi

exec 9>"$LOCK"
flock 9
# Another build may have installed it while we waited for the lock.
[ -x "$CHROMIUM" ] && exit 0

export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when apt does not know a candidate for chromium (a fresh image has none).
if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  echo "ensure-chromium: updating apt package lists" >&2
  $SUDO apt-get update -qq
fi
echo "ensure-chromium: installing Debian's chromium (and fonts for legible screenshots)" >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt finished but $CHROMIUM is still missing" >&2
  exit 1
fi
