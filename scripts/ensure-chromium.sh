#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/Charter.Browser.Tests), with fonts
# for legible screenshots. Never downloads a browser from elsewhere. The apt work is in apt-ensure.sh.
set -euo pipefail
# CHARTER_CHROMIUM only lets this script be exercised without touching the real install.
source "$(dirname "$0")/apt-ensure.sh"
ensure_apt_binary ensure-chromium "${CHARTER_CHROMIUM:-/usr/bin/chromium}" chromium fonts-liberation fonts-dejavu-core
