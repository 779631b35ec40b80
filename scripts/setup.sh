#!/usr/bin/env bash
# Set up everything the project needs on a fresh Debian machine, idempotently.
#   scripts/setup.sh site    Python virtual environment with the locked site dependencies and the
#                            project's package (scripts/delivermymail/, command `dmm`), editable
#   scripts/setup.sh test    the same plus the test dependencies and Debian's Chromium
#   scripts/setup.sh fonts   the same plus the font tools of scripts/make_fonts.py
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-site}"
case "$what" in
  site) lock=requirements.txt ;;
  test) lock=requirements-test.txt ;;
  fonts) lock=requirements-fonts.txt ;;
  *) echo "usage: scripts/setup.sh [site|test|fonts]" >&2; exit 2 ;;
esac

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# Reinstall only when the lock file or the package's metadata changed since the last install.
stamp=".venv/.installed-$(cat "$lock" pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  # The package itself, editable: its dependencies came from the lock above, setuptools too.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
  touch "$stamp"
fi

if [ "$what" = test ] && [ ! -x /usr/bin/chromium ]; then
  # Browser tests use Debian's Chromium; Playwright's own browser download is not used.
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
