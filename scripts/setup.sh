#!/usr/bin/env bash
# Set up everything the project needs on a fresh Debian machine, idempotently.
#   scripts/setup.sh site   Python virtual environment with the locked site dependencies
#   scripts/setup.sh test   the same plus the test dependencies and Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-site}"
lock=requirements.txt
[ "$what" = test ] && lock=requirements-test.txt

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# Reinstall only when the lock file changed since the last install.
stamp=".venv/.installed-$(sha256sum "$lock" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  touch "$stamp"
fi

if [ "$what" = test ] && [ ! -x /usr/bin/chromium ]; then
  # Browser tests use Debian's Chromium; Playwright's own browser download is not used.
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
