#!/usr/bin/env bash
# ensure_apt_binary NAME BINARY PACKAGE... — makes sure BINARY exists, installing Debian's PACKAGEs with apt when it
# does not. Shared by the project's set-up scripts (ensure-chromium.sh, ensure-weasyprint.sh), which source it.
# Idempotent and quiet when BINARY is there; the only network it needs is the Debian mirror. Several test builds may
# start at once, so the apt work is serialised with flock on one lock file.
ensure_apt_binary() {
  local name=$1 binary=$2; shift 2
  local lock=/tmp/charter-apt.lock sudo=""
  [ -x "$binary" ] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$name: $binary is missing and apt-get is not available; install $1 so that $binary exists" >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
      echo "$name: $binary is missing; run as root (or with sudo): apt-get install $*" >&2
      return 1
    fi
  fi

  exec 9>"$lock"
  flock 9
  # Another build may have installed it while we waited for the lock.
  [ -x "$binary" ] && return 0

  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when apt knows no candidate for the package (a fresh image has none).
  # (The policy is read into a variable first: with pipefail, grep -q closing the pipe early would count as failure.)
  local policy
  policy=$(apt-cache policy "$1" 2>/dev/null || true)
  if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
    echo "$name: updating apt package lists" >&2
    $sudo apt-get update -qq
  fi
  echo "$name: installing Debian's $*" >&2
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null

  if [ ! -x "$binary" ]; then
    echo "$name: apt finished but $binary is still missing" >&2
    return 1
  fi
}
