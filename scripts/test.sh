#!/usr/bin/env bash
# One command for the tests: set up (dependencies and Debian's Chromium), check the data, run pytest.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k lookup`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/python scripts/dmm.py check
exec .venv/bin/python -m pytest "$@"
