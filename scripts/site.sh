#!/usr/bin/env bash
# One command for the site: set up, then build into site/ (default) or preview with `serve`.
#   bash scripts/site.sh          # build (strict) into site/
#   bash scripts/site.sh serve    # live preview at http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh site
# Reproducible builds: the date of the last commit stands in for "today" (staleness, sitemap).
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && commit_time=$(git log -1 --format=%ct 2>/dev/null); then
  export SOURCE_DATE_EPOCH="$commit_time"
fi
exec .venv/bin/dmm "${1:-build}" "${@:2}"
