#!/usr/bin/env bash
# Sets up what the citation tests (tests/Charter.Tests/Cite) need, and only what is missing:
# tests/cite-js/node_modules, the real BibTeX, RIS and CSL-JSON parsers of Citation.js (npm ci), when missing or
# older than package.json / package-lock.json. Idempotent, quiet and fast when everything is there. The test
# project's build runs it, so a plain `dotnet test` works on a fresh machine (CI included: it needs the npm registry).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
js="$root/tests/cite-js"

source "$root/scripts/npm-ensure.sh"
cite_packages_ok() {
  [[ -f "$js/node_modules/@citation-js/core/package.json" && -f "$js/node_modules/@citation-js/plugin-ris/package.json" ]]
}
ensure_npm_folder ensure-cite-deps "$js" cite_packages_ok
