#!/usr/bin/env bash
# Sets up what the citation tests (tests/Charter.Tests/Cite) need, and only what is missing:
# tests/cite-js/node_modules, the real BibTeX, RIS and CSL-JSON parsers of Citation.js (npm ci), when missing or
# older than package.json / package-lock.json. Idempotent, quiet and fast when everything is there. The test
# project's build runs it, so a plain `dotnet test` works on a fresh machine (CI included: it needs the npm registry).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
js="$root/tests/cite-js"

node_modules_ok() {
  local marker="$js/node_modules/.package-lock.json" # written by npm on every install
  [[ -f "$marker" && -f "$js/node_modules/@citation-js/core/package.json" && -f "$js/node_modules/@citation-js/plugin-ris/package.json" ]] || return 1
  [[ ! "$js/package-lock.json" -nt "$marker" && ! "$js/package.json" -nt "$marker" ]] || return 1
}

if ! node_modules_ok; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "ensure-cite-deps: npm is needed to install tests/cite-js (Citation.js)" >&2
    exit 1
  fi
  (
    flock 9
    if ! node_modules_ok; then
      echo "ensure-cite-deps: npm ci in tests/cite-js" >&2
      (cd "$js" && npm ci --no-audit --no-fund --loglevel=error >&2)
      touch "$js/node_modules/.package-lock.json"
    fi
  ) 9>"/tmp/charter-npm-cite.lock"
fi
