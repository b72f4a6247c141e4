#!/usr/bin/env bash
# Benchmark: container publish (dotnet publish -t:PublishContainer to a registry on 127.0.0.1) of the same web
# service with TwelveFactor.Sdk and with plain Microsoft.NET.Sdk.Web, in alternating runs after a warm-up of
# each; prints the medians and the ratio, and with --write replaces the Containers section of docs/benchmarks.md.
#   eng/bench/containers/run.sh [--runs N] [--write]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
runs=7; write=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --write) write=1; shift ;;
    *) echo "usage: run.sh [--runs N] [--write]" >&2; exit 2 ;;
  esac
done
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
unset CI ContinuousIntegrationBuild

work="$(mktemp -d /tmp/twelvefactor-bench-containers.XXXXXX)"
state="$work/registry"
cleanup() { bash "$root/eng/containers/registry.sh" stop "$state" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

registry="$(bash "$root/eng/containers/registry.sh" start "$state")"
export DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry"
base="$(bash "$root/eng/containers/base-image.sh" "$registry" | tail -1)"

version="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
feed="$work/feed"
VERSION="$version" PACKAGE_OUTPUT="$feed" bash "$root/eng/pack.sh" >/dev/null
export NUGET_PACKAGES="$root/artifacts/tmp/nuget-packages"

cd "$work"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><clear /><add key="bench" value="$feed" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
  <packageSourceMapping>
    <packageSource key="bench"><package pattern="TwelveFactor.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
program='var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/healthz", () => Results.Ok("alive"));
app.Run();'
for kind in twelvefactor plain; do
  mkdir -p "$kind"
  if [ "$kind" = twelvefactor ]; then
    sdk="TwelveFactor.Sdk/$version"; extra="<TwelveFactorProcessType>web</TwelveFactorProcessType>"
  else
    sdk="Microsoft.NET.Sdk.Web"; extra=""
  fi
  cat > "$kind/Shop.csproj" <<XML
<Project Sdk="$sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <ContainerBaseImage>$base</ContainerBaseImage>
    <ContainerRegistry>$registry</ContainerRegistry>
    <ContainerRepository>bench/$kind</ContainerRepository>
    $extra
  </PropertyGroup>
</Project>
XML
  echo "$program" > "$kind/Program.cs"
  dotnet restore "$kind" -nologo -v q >/dev/null
done
printf 'bin/\nobj/\nregistry/\nfeed/\n*.log\n' > .gitignore
git init -q -b main && git add -A && git -c user.name=bench -c user.email=bench@example.invalid commit -qm bench

publish() { # kind run -> seconds
  local kind="$1" run="$2" tag start end
  if [ "$kind" = twelvefactor ]; then tag="-p:TwelveFactorReleaseId=run-$run"; else tag="-p:ContainerImageTags=run-$run"; fi
  start=$(date +%s.%N)
  dotnet publish "$kind" -t:PublishContainer -nologo -v q -tl:off "$tag" >"$work/$kind-$run.log" 2>&1 || { cat "$work/$kind-$run.log" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

publish twelvefactor warmup >/dev/null; publish plain warmup >/dev/null
tf=(); plain=()
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) -eq 1 ]; then
    tf+=("$(publish twelvefactor "$i")"); plain+=("$(publish plain "$i")")
  else
    plain+=("$(publish plain "$i")"); tf+=("$(publish twelvefactor "$i")")
  fi
done

python3 - "$runs" "${tf[*]}" "${plain[*]}" "$write" "$root/docs/benchmarks.md" <<'PY'
import statistics, sys, re, platform, os
runs, tf, plain, write, path = int(sys.argv[1]), list(map(float, sys.argv[2].split())), list(map(float, sys.argv[3].split())), sys.argv[4] == "1", sys.argv[5]
mt, mp = statistics.median(tf), statistics.median(plain)
ratio = mt / mp
# The machine is shared: the fastest runs are the least disturbed, so their ratio is shown too.
fastest = min(tf) / min(plain)
section = f"""## Containers

Container publish of the same minimal web service (`dotnet publish -t:PublishContainer`, incremental build,
image pushed to a Debian `docker-registry` on 127.0.0.1, offline .NET base image pinned by digest), TwelveFactor.Sdk
against plain Microsoft.NET.Sdk.Web in the same run: one warm-up each, then {runs} alternating runs each, a new tag per
run. TwelveFactor.Sdk adds the policy checks, four git calls (three of them in parallel), the release labels, a registry
lookup of the release tag (TF0503), the image-configuration check and the release manifest. Script: `eng/bench/containers/run.sh --write`.

| | median (s) | fastest (s) | runs (s) |
|---|---|---|---|
| TwelveFactor.Sdk | {mt:.3f} | {min(tf):.3f} | {' '.join(f'{t:.2f}' for t in tf)} |
| Microsoft.NET.Sdk.Web | {mp:.3f} | {min(plain):.3f} | {' '.join(f'{t:.2f}' for t in plain)} |

Ratio TwelveFactor.Sdk / plain: **{ratio:.3f}** on medians ({(ratio - 1) * 100:+.1f} %), {fastest:.3f} on the fastest runs
({(fastest - 1) * 100:+.1f} %); target at most +5 %. Machine: {os.cpu_count()} cores (shared), {platform.platform()}.

Where the difference goes (`-clp:PerformanceSummary` of one publish each, measured separately): resolving the
release (git) 35-55 ms; the release check about 150 ms, mostly loading .NET's HTTP stack for the registry lookup,
which the SDK's own push then finds loaded (its CreateNewImage ran about 120 ms faster); the image check, the two
publish-time reports and the manifest about 40 ms. The rest is the policy engine's restore and build-time checks
(lock-file handling, TwelveFactorReport) and run-to-run noise on a shared machine, which moves the median ratio
between about 1.06 and 1.3 from one run of this script to the next.
"""
print(section)
if write:
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    if re.search(r"^## Containers\n", text, re.M):
        text = re.sub(r"^## Containers\n.*?(?=^## |\Z)", section + "\n", text, flags=re.M | re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    open(path, "w").write(text.rstrip("\n") + "\n")
PY
