#!/usr/bin/env bash
# ensure_npm_folder NAME DIR CHECK — runs `npm ci` in DIR unless the function CHECK says its node_modules is complete and
# not older than package.json / package-lock.json. Shared by ensure-search-deps.sh and ensure-cite-deps.sh, which
# source it. Several test builds may start at once, so the install is serialised with flock on a lock of DIR's own.
node_modules_fresh() {
  local dir=$1 marker="$1/node_modules/.package-lock.json" # written by npm on every install
  [[ -f "$marker" && ! "$dir/package-lock.json" -nt "$marker" && ! "$dir/package.json" -nt "$marker" ]]
}

ensure_npm_folder() {
  local name=$1 dir=$2 check=$3
  node_modules_fresh "$dir" && "$check" && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "$name: npm is needed to install $dir" >&2
    return 1
  fi
  (
    flock 9
    if ! { node_modules_fresh "$dir" && "$check"; }; then
      echo "$name: npm ci in ${dir#"$root"/}" >&2
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
      touch "$dir/node_modules/.package-lock.json"
    fi
  ) 9>"/tmp/charter-npm-$(basename "$dir").lock"
}
