#!/usr/bin/env bash
# Runs every test project: installs what the tests stand on when it is missing (eng/ci/*.sh: PostgreSQL, an
# OCI registry, skopeo, umoci, runc; idempotent), packs the SDK once into a test feed under a version of its
# own, builds the solution, runs each test project in turn (integration tests bound their own parallelism),
# and ends with the line "N passed, N failed, N skipped" counted from the TRX results.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "${TWELVEFACTOR_SKIP_PREREQUISITES:-}" != 1 ]; then
  for script in eng/ci/*.sh; do
    bash "$script" || { echo "$script failed"; echo "0 passed, 1 failed"; exit 1; }
  done
fi

results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

version="0.0.0-test.$(date -u +%Y%m%d%H%M%S)"
feed="$root/artifacts/tmp/feeds/$version"
echo "== packing the SDK as $version"
if ! VERSION="$version" PACKAGE_OUTPUT="$feed" bash eng/pack.sh; then
  echo "packing failed"; echo "0 passed, 1 failed"; exit 1
fi
export TWELVEFACTOR_TEST_FEED="$feed" TWELVEFACTOR_TEST_VERSION="$version"

echo "== building the solution"
if ! dotnet build TwelveFactor.Sdk.sln -c Release -nologo -v quiet; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

status=0
for project in $(ls tests/*/*.csproj | sort); do
  name="$(basename "$project" .csproj)"
  grep -q 'Microsoft.NET.Test.Sdk' "$project" || continue
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" ${TEST_FILTER:+--filter "$TEST_FILTER"} || status=1
done

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = result.get("outcome")
        if outcome == "Passed": passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"): skipped += 1
        else: failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
