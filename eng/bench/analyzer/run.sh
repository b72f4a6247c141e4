#!/usr/bin/env bash
# Benchmark: full builds (--no-incremental -m:2) of a generated 50-project solution on the packed SDK, three sides
# in alternating runs after one warm-up each:
#   off    the analyzer switched off (-p:TwelveFactorAnalyzersEnabled=false);
#   local  the analyzer on, as in a developer's build (its findings are compiler diagnostics);
#   ci     the analyzer on and the compiler's SARIF log asked for, as in CI (TwelveFactorCollectCompilerFindings),
#          so that the analyzer's results reach TwelveFactor.sarif.
# Reports the wall-clock time of each build and its compile time (the Csc tasks' time from MSBuild's performance
# summary; the compiler server does the work, so its CPU is not the build's), and with WRITE=1
# writes the table into docs/benchmarks.md between <!-- bench:analyzer --> markers.
#   RUNS=5 WRITE=1 eng/bench/analyzer/run.sh        (5 runs: about 30 minutes on a quiet 2-core machine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
runs="${RUNS:-3}"
work="${BENCH_DIR:-$root/artifacts/tmp/bench-analyzer}"
version="0.0.0-bench.$(date -u +%Y%m%d%H%M%S)"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages" MSBUILDTERMINALLOGGER=off
# A CI variable would put the local side in CI mode too: the sides choose it with a property instead.
unset CI ContinuousIntegrationBuild

rm -rf "$work/solution" && mkdir -p "$work"
VERSION="$version" PACKAGE_OUTPUT="$work/feed" bash "$root/eng/pack.sh" >/dev/null
python3 "$root/eng/bench/analyzer/generate.py" "$work/solution" "$work/feed" "$version"

cd "$work/solution"
dotnet restore Bench.sln -nologo -v quiet
exec python3 - "$root" "$work" "$runs" "${WRITE:-}" <<'PY'
import os, re, subprocess, sys
root, work, runs, write = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
sys.path.insert(0, os.path.join(root, "eng", "bench"))
import benchdoc, stats

# side -> (its name in the table, its build's properties)
sides = {
    "off": ("analyzer off", ["-p:TwelveFactorAnalyzersEnabled=false"]),
    "local": ("analyzer on (a developer's build)", []),
    "ci": ("analyzer on, compiler's SARIF log (CI)", ["-p:TwelveFactorCollectCompilerFindings=true"]),
}

def build(side, label):
    log = os.path.join(work, f"{side}-{label}.log")
    summary = os.path.join(work, f"{side}-{label}.perf")
    timed = subprocess.run(["python3", os.path.join(root, "eng", "bench", "timed.py"), log, "--",
                            "dotnet", "build", "Bench.sln", "--no-restore", "--no-incremental", "-nologo", "-v:q", "-m:2",
                            f"-flp:PerformanceSummary;verbosity=quiet;logfile={summary}"] + sides[side][1],
                           capture_output=True, text=True, check=True).stdout.split()
    # "  61234 ms  Csc   50 calls" in the task summary: the compile time, summed over projects.
    compile_ms = sum(int(m.group(1)) for m in re.finditer(r"^\s+(\d+) ms\s+Csc\s+\d+ calls", open(summary).read(), re.M))
    return float(timed[0]), compile_ms / 1000

for side in sides:
    build(side, "warmup")  # the compiler server, the file cache
samples = {(side, what): [] for side in sides for what in ("wall", "compile")}
loads = []
order = list(sides)
for run in range(runs):
    loads.append(stats.load_average())
    for side in (order if run % 2 == 0 else order[::-1]):
        wall, compile_s = build(side, str(run + 1))
        samples[(side, "wall")].append(wall); samples[(side, "compile")].append(compile_s)
    print(f"run {run + 1}: " + ", ".join(f"{s} {samples[(s, 'wall')][-1]:.2f} s (compile {samples[(s, 'compile')][-1]:.2f} s)" for s in order), flush=True)
loads.append(stats.load_average())

sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
rows = []
# No CPU row: the compiler server does most of the work and is not a process the build waits for, so the CPU time
# of the build's own processes says little (it spread from 46 to 91 s between builds of one side).
for what, label in (("wall", "wall-clock"), ("compile", "compile (Csc tasks, summed)")):
    rows += [stats.row(f"{sides[s][0]}, {label}", samples[(s, what)]) for s in order]
def ratio_line(ours, against, title):
    line = [title]
    for what in ("wall", "compile"):
        median, fastest = stats.ratios(samples[(ours, what)], samples[(against, what)])
        line.append(f"{median:.3f} ({fastest:.3f} fastest; {stats.paired_text(samples[(ours, what)], samples[(against, what)])})")
    return "| " + " | ".join(line) + " |"
table = (f"Command: `RUNS={runs} WRITE=1 eng/bench/analyzer/run.sh` (.NET SDK {sdk}; {runs} alternating full builds of each "
         f"side after one warm-up; {stats.load_line(loads)}).\n\n" + stats.table_header() + "\n" + "\n".join(rows) + "\n\n"
         "| ratio | wall-clock, medians | compile, medians |\n|---|---:|---:|\n"
         + ratio_line("local", "off", "analyzer on / off (target at most 1.05)") + "\n"
         + ratio_line("ci", "local", "the compiler's SARIF log: CI / a developer's build (target at most 1.05)") + "\n"
         + ratio_line("ci", "off", "CI / analyzer off") + "\n")
print(table)
if write:
    benchdoc.replace(os.path.join(root, "docs", "benchmarks.md"), "analyzer", table)
PY
