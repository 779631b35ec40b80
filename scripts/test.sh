#!/usr/bin/env bash
# One command for the tests: set up (dependencies and Debian's Chromium), lint, check the data, run pytest.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k lookup` or `bash scripts/test.sh -m "not browser"`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check --quiet scripts tests
.venv/bin/dmm check
# Two workers (the machine has two cores); a test file's tests may share a worker (xdist_group).
exec .venv/bin/python -m pytest -n "${DMM_TEST_WORKERS:-2}" --dist loadgroup "$@"
