#!/usr/bin/env bash
# Set up everything the tests need, then run the whole suite (ruff and the layer contract first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/lint-imports
mkdir -p tests/artifacts
.venv/bin/python -m pytest -q "$@"
