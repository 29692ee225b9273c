#!/usr/bin/env bash
# Makes sure Debian's WeasyPrint is at /usr/bin/weasyprint for the PDF tests (tests/Charter.Tests/Print) and builds.
# (Its fontTools brings python3-brotli, which reading the theme's woff2 fonts needs.) The apt work is in apt-ensure.sh.
set -euo pipefail
# CHARTER_WEASYPRINT_PATH only lets this script be exercised without touching the real install.
source "$(dirname "$0")/apt-ensure.sh"
ensure_apt_binary ensure-weasyprint "${CHARTER_WEASYPRINT_PATH:-/usr/bin/weasyprint}" weasyprint
