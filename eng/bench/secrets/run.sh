#!/usr/bin/env bash
# The secrets benchmark: installs secretlint (pinned by package-lock.json) into node_modules/, builds the
# benchmark, generates the labelled corpus and prints the comparison table for docs/benchmarks.md.
#   eng/bench/secrets/run.sh [files=1000] [seed=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
[ -x node_modules/.bin/secretlint ] || npm ci --no-audit --no-fund
dotnet build -c Release -nologo -v quiet
dotnet bin/Release/net10.0/SecretsBench.dll "${1:-1000}" "${2:-3}"
