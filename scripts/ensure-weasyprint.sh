#!/usr/bin/env bash
# Makes sure Debian's WeasyPrint is at /usr/bin/weasyprint for the PDF tests (tests/Charter.Tests/Print) and builds.
# Idempotent and quiet when it is already there. Installs with apt (the only network it needs is the Debian mirror).
# Several test builds may start at once, so the apt work is serialised with flock on the lock file shared by the
# project's set-up scripts.
set -euo pipefail

# CHARTER_WEASYPRINT_PATH only lets this script be exercised without touching the real install.
WEASYPRINT=${CHARTER_WEASYPRINT_PATH:-/usr/bin/weasyprint}
LOCK=/tmp/charter-apt.lock

[ -x "$WEASYPRINT" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-weasyprint: $WEASYPRINT is missing and apt-get is not available; install WeasyPrint so that $WEASYPRINT exists" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-weasyprint: $WEASYPRINT is missing; run as root (or with sudo): apt-get install weasyprint" >&2
    exit 1
  fi
fi

exec 9>"$LOCK"
flock 9
# Another build may have installed it while we waited for the lock.
[ -x "$WEASYPRINT" ] && exit 0

export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when apt does not know a candidate for weasyprint (a fresh image has none).
# (The policy is read into a variable first: with pipefail, grep -q closing the pipe early would count as failure.)
policy=$(apt-cache policy weasyprint 2>/dev/null || true)
if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
  echo "ensure-weasyprint: updating apt package lists" >&2
  $SUDO apt-get update -qq
fi
echo "ensure-weasyprint: installing Debian's weasyprint" >&2
# (Its fontTools brings python3-brotli, which reading the theme's woff2 fonts needs.)
$SUDO apt-get install -y -qq --no-install-recommends weasyprint >/dev/null

if [ ! -x "$WEASYPRINT" ]; then
  echo "ensure-weasyprint: apt finished but $WEASYPRINT is still missing" >&2
  exit 1
fi
