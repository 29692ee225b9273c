#!/usr/bin/env bash
# Sets up what the search tests (tests/Charter.Search.Tests) need, and only what is missing:
#   - tests/js/node_modules: the genuine lunr 2.3.9 and lunr-languages 1.22.0, and Lighthouse 12.8.2
#     (the browser tests' audit), by npm ci, when missing or older than package.json / package-lock.json;
#   - Debian's word lists /usr/share/dict/french, /usr/share/dict/spanish and
#     /usr/share/dict/american-english (packages wfrench, wspanish and wamerican), when missing.
# Idempotent, quiet and fast when everything is there. The test project's build runs it, so a
# plain `dotnet test` works on a fresh machine (CI included: it needs the npm registry and
# Debian's archive, nothing else).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
js="$root/tests/js"

source "$root/scripts/npm-ensure.sh"
# What must be there besides a fresh install: the exact versions the oracle tests and the audit are written for.
search_packages_ok() {
  [[ -f "$js/node_modules/lunr/lunr.min.js" && -f "$js/node_modules/lunr-languages/lunr.fr.js" ]] || return 1
  grep -q '"version": "2.3.9"' "$js/node_modules/lunr/package.json" || return 1
  grep -q '"version": "1.22.0"' "$js/node_modules/lunr-languages/package.json" || return 1
  grep -q '"version": "12.8.2"' "$js/node_modules/lighthouse/package.json" 2>/dev/null || return 1
}
ensure_npm_folder ensure-search-deps "$js" search_packages_ok

# Word list → the Debian package that installs it.
declare -A dicts=(
  [/usr/share/dict/french]=wfrench
  [/usr/share/dict/spanish]=wspanish
  [/usr/share/dict/american-english]=wamerican
)

missing_dicts() {
  local file
  for file in "${!dicts[@]}"; do
    [[ -f "$file" ]] || echo "${dicts[$file]}"
  done
}

if [[ -n "$(missing_dicts)" ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then sudo=(); else sudo=(sudo -n); fi
  (
    flock 9
    mapfile -t packages < <(missing_dicts | sort)
    if [[ ${#packages[@]} -gt 0 ]]; then
      echo "ensure-search-deps: apt-get install ${packages[*]}" >&2
      export DEBIAN_FRONTEND=noninteractive
      if ! "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >&2; then
        "${sudo[@]}" apt-get update -qq >&2
        "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >&2
      fi
    fi
  ) 9>"/tmp/charter-apt.lock"
fi
