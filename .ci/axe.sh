#!/usr/bin/env bash
# Install axe-core (Deque's accessibility rules, from the npm registry) for the browser test, and print
# the path of axe.min.js (nothing, and exit 0, if it cannot). The test is skipped without it, except under CI=true.
set -u
log() { echo "axe.sh: $*" >&2; }
dir="$(cd "$(dirname "$0")/.." && pwd)/.venv/axe"
if [ ! -f "$dir/node_modules/axe-core/axe.min.js" ]; then
  if ! command -v npm >/dev/null 2>&1; then log "no npm here; the accessibility test will be skipped"; exit 0; fi
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund axe-core@4.10 >/dev/null 2>&1) || { log "npm install failed"; exit 0; }
fi
echo "$dir/node_modules/axe-core/axe.min.js"
