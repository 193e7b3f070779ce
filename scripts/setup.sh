#!/usr/bin/env bash
# Set up a fresh Debian machine for jsxzsbg intake: system packages, a venv, the project.
# `--test` also installs what the test suite needs and makes sure PostgreSQL runs.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

packages=(tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk fonts-wqy-zenhei fonts-wqy-microhei
          fonts-arphic-ukai fonts-arphic-uming python3-venv)
if [ "$want_tests" = 1 ]; then
  packages+=(dovecot-imapd chromium)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$want_tests" = 1 ]; then
  bash scripts/postgres.sh
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/pip install -q --upgrade pip
if [ "$want_tests" = 1 ]; then
  .venv/bin/pip install -q ".[test]"
else
  .venv/bin/pip install -q .
fi
