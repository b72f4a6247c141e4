#!/usr/bin/env bash
# Benchmark: container publish (dotnet publish -t:PublishContainer to a registry on 127.0.0.1) of the same web
# service with TwelveFactor.Sdk, with TwelveFactor.Sdk and its policy switched off (TwelveFactorEnabled=false: what
# being a NuGet-delivered MSBuild SDK costs by itself) and with plain Microsoft.NET.Sdk.Web, in alternating runs
# after a warm-up of each. Prints medians, fastest runs, spread, CPU time and the load average, and with --write
# replaces the generated table of docs/benchmarks.md (between <!-- bench:containers --> markers).
#   eng/bench/containers/run.sh [--runs N] [--write]      (9 runs: about 3 minutes on a quiet 2-core machine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
runs=9; write=0
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
# KEEP=1 leaves the services, the feed and the registry in place (their folder is printed) to measure one step on.
cleanup() {
  if [ -n "${KEEP:-}" ]; then echo "kept $work (registry ${registry:-}; stop it with eng/containers/registry.sh stop $state)" >&2; return; fi
  bash "$root/eng/containers/registry.sh" stop "$state" >/dev/null 2>&1 || true; rm -rf "$work"
}
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
sides=(twelvefactor policyoff plain)
for kind in "${sides[@]}"; do
  mkdir -p "$kind"
  case "$kind" in
    twelvefactor) sdk="TwelveFactor.Sdk/$version"; extra="<TwelveFactorProcessType>web</TwelveFactorProcessType>" ;;
    policyoff) sdk="TwelveFactor.Sdk/$version"; extra="<TwelveFactorProcessType>web</TwelveFactorProcessType><TwelveFactorEnabled>false</TwelveFactorEnabled>" ;;
    plain) sdk="Microsoft.NET.Sdk.Web"; extra="" ;;
  esac
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

publish() { # kind run -> "wall-seconds cpu-seconds"
  local kind="$1" run="$2" tag
  if [ "$kind" = twelvefactor ]; then tag="-p:TwelveFactorReleaseId=run-$run"; else tag="-p:ContainerImageTags=run-$run"; fi
  python3 "$root/eng/bench/timed.py" "$work/$kind-$run.log" -- dotnet publish "$kind" -t:PublishContainer -nologo -v q -tl:off "$tag"
}

for kind in "${sides[@]}"; do publish "$kind" warmup >/dev/null; done
declare -A wall cpu
loads=()
for i in $(seq 1 "$runs"); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  # Each run starts with another side, so no side always follows the same one.
  order=("${sides[@]:$(( (i - 1) % 3 ))}" "${sides[@]:0:$(( (i - 1) % 3 ))}")
  line="run $i (load ${loads[-1]}):"
  for kind in "${order[@]}"; do
    result="$(publish "$kind" "$i")"
    wall[$kind]+="${result% *} "; cpu[$kind]+="${result#* } "
    line+=" $kind $result"
  done
  echo "$line (wall, CPU seconds)" >&2
done
loads+=("$(cut -d' ' -f1 /proc/loadavg)")

python3 - "$root" "$runs" "${wall[twelvefactor]}" "${wall[policyoff]}" "${wall[plain]}" "${cpu[twelvefactor]}" "${cpu[policyoff]}" "${cpu[plain]}" "${loads[*]}" "$write" <<'PY'
import sys, os
root, runs = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, os.path.join(root, "eng", "bench"))
import stats, benchdoc
tf, off, plain, tfcpu, offcpu, plaincpu, loads = ([float(x) for x in a.split()] for a in sys.argv[3:10])
def ratio_line(name, ours, base, ours_cpu, base_cpu):
    m, f = stats.ratios(ours, base)
    cm, cf = stats.ratios(ours_cpu, base_cpu)
    pm, low, high = stats.paired(ours, base)
    return f"| {name} | **{m:.3f}** | {f:.3f} | {pm:.3f} ({low:.3f} to {high:.3f}) | {cm:.3f} | {cf:.3f} |"
table = f"""Command: `eng/bench/containers/run.sh --runs {runs} --write` ({runs} alternating runs of each side after one warm-up;
{stats.load_line(loads)}).

Wall-clock:

{stats.table_header()}
{stats.row("TwelveFactor.Sdk", tf)}
{stats.row("TwelveFactor.Sdk, policy off", off)}
{stats.row("Microsoft.NET.Sdk.Web", plain)}

CPU time (user + system of every process of the publish):

{stats.table_header()}
{stats.row("TwelveFactor.Sdk", tfcpu)}
{stats.row("TwelveFactor.Sdk, policy off", offcpu)}
{stats.row("Microsoft.NET.Sdk.Web", plaincpu)}

| ratio | wall, medians | wall, fastest | wall, run by run (quartiles) | CPU, medians | CPU, least |
|---|---:|---:|---:|---:|---:|
{ratio_line("TwelveFactor.Sdk / plain (target at most 1.05)", tf, plain, tfcpu, plaincpu)}
{ratio_line("policy off / plain: being a NuGet-delivered SDK", off, plain, offcpu, plaincpu)}
{ratio_line("TwelveFactor.Sdk / policy off: the policy itself", tf, off, tfcpu, offcpu)}"""
print(table)
if sys.argv[10] == "1":
    benchdoc.replace(os.path.join(root, "docs", "benchmarks.md"), "containers", table)
PY
