#!/usr/bin/env bash
# Packs every package of the repository into artifacts/packages/, one version for all.
#   eng/pack.sh            -> the version in Directory.Build.props
#   VERSION=0.1.0-ci.7 eng/pack.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${PACKAGE_OUTPUT:-$root/artifacts/packages}"
args=(-c Release -o "$out" -p:ContinuousIntegrationBuild=true -nologo -v quiet)
[ -n "${VERSION:-}" ] && args+=("-p:Version=$VERSION")
mkdir -p "$out"
for project in "$root"/sdk/TwelveFactor.Sdk/TwelveFactor.Sdk.csproj $(ls "$root"/templates/*/*.csproj 2>/dev/null); do
  dotnet pack "$project" "${args[@]}"
done
ls -1 "$out"/*.nupkg
