#!/usr/bin/env bash
# Benchmark: full build of a generated 50-project solution using the packed SDK, with the analyzer and without
# it (TwelveFactorAnalyzersEnabled=false), in alternating runs; prints the medians and their ratio and writes
# them to the "Analyzer" section of docs/benchmarks.md.
#   eng/bench/analyzer/run.sh            -> 3 runs each
#   RUNS=5 eng/bench/analyzer/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
runs="${RUNS:-3}"
work="${BENCH_DIR:-$root/artifacts/tmp/bench-analyzer}"
version="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"

rm -rf "$work/solution" && mkdir -p "$work"
VERSION="$version" PACKAGE_OUTPUT="$work/feed" bash "$root/eng/pack.sh" >/dev/null
python3 "$root/eng/bench/analyzer/generate.py" "$work/solution" "$work/feed" "$version"

cd "$work/solution"
dotnet restore Bench.sln -nologo -v quiet
build() { # $1: true/false
  local start end
  start=$(date +%s.%N)
  dotnet build Bench.sln --no-restore --no-incremental -nologo -v quiet -m:2 "-p:TwelveFactorAnalyzersEnabled=$1" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
build true >/dev/null # warm-up: compiler server, file cache
with=() without=()
for i in $(seq "$runs"); do
  without+=("$(build false)")
  with+=("$(build true)")
  echo "run $i: without ${without[-1]} s, with ${with[-1]} s"
done

python3 - "$root/docs/benchmarks.md" "$runs" "${without[*]}" "${with[*]}" <<'PY'
import re, statistics, sys, platform, os, subprocess
path, runs, without, with_ = sys.argv[1], int(sys.argv[2]), [float(x) for x in sys.argv[3].split()], [float(x) for x in sys.argv[4].split()]
mw, ma = statistics.median(without), statistics.median(with_)
ratio = ma / mw
sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
section = f"""## Analyzer

Full build (`dotnet build --no-restore --no-incremental -m:2`) of a generated solution of 50 projects using the
packed SDK (10 web, 10 worker, 5 admin, 25 libraries; 6 source files of about 60 lines each, with the kinds of calls
the rules look at), with the analyzer and without it (`-p:TwelveFactorAnalyzersEnabled=false`, which also drops the
compiler's SARIF log and the post-compile report). One warm-up build, then {runs} alternating runs each; medians.
Script: `eng/bench/analyzer/run.sh` (.NET SDK {sdk}, {os.cpu_count()} cores).

| | runs (s) | median (s) |
|---|---|---|
| without analyzer | {", ".join(f"{x:.2f}" for x in without)} | {mw:.2f} |
| with analyzer | {", ".join(f"{x:.2f}" for x in with_)} | {ma:.2f} |

Ratio with/without: **{ratio:.3f}** ({(ratio - 1) * 100:+.1f}%; target: at most +5%).
"""
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
if "## Analyzer\n" in text:
    text = re.sub(r"## Analyzer\n.*?(?=\n## |\Z)", section.rstrip("\n") + "\n", text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
print(f"median without {mw:.2f} s, with {ma:.2f} s, ratio {ratio:.3f}")
PY
