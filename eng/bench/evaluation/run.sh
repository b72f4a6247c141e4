#!/usr/bin/env bash
# Evaluation benchmark: what evaluating TwelveFactor.Sdk's props and targets costs per project, measured in one
# process with MSBuild's API (no build, no process start-up, no scheduling), so that differences well under a
# millisecond per project show. Evaluates the 50 projects of the build benchmark's solution (45 libraries, 5
# console services) with plain Microsoft.NET.Sdk and with TwelveFactor.Sdk, in alternating rounds, and prints
# the milliseconds per project of each and their difference; WRITE=1 writes the table into docs/benchmarks.md
# (between <!-- bench:evaluation --> markers).
#   eng/bench/evaluation/run.sh        ROUNDS=30 eng/bench/evaluation/run.sh        WRITE=1 eng/bench/evaluation/run.sh
# The solution comes from eng/bench/build/run.py (generated, restored and built when it is not there yet: about
# 3 minutes); the rounds take about a minute.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
rounds="${ROUNDS:-20}"
solution="$root/artifacts/bench/build/solution50"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -f "$solution/plain/Lib00/obj/project.assets.json" ] || [ ! -f "$solution/twelvefactor/Lib00/obj/project.assets.json" ]; then
  python3 "$root/eng/bench/build/run.py" --scenarios solution50 --noop-only --runs 1 >/dev/null
fi
dotnet build "$root/eng/bench/evaluation" -c Release -nologo -v quiet >/dev/null
result="$(dotnet "$root/eng/bench/evaluation/bin/Release/net10.0/EvaluationBench.dll" "$rounds" "$solution/plain" "$solution/twelvefactor")"

ROUNDS="$rounds" RESULT="$result" WRITE="${WRITE:-}" python3 - "$root" <<'PY'
import os, sys
root = sys.argv[1]
sys.path.insert(0, os.path.join(root, "eng", "bench"))
import benchdoc
rows = {line.split("\t")[0]: line.split("\t")[1:] for line in os.environ["RESULT"].splitlines()}
plain, ours = rows["baseline"], rows["subject"]
difference, subject_first, subject_second = rows["difference"]
text = f"""Command: `ROUNDS={os.environ['ROUNDS']} WRITE=1 eng/bench/evaluation/run.sh`

{os.environ['ROUNDS']} alternating rounds, each evaluating every project of the 50-project solution ({plain[1]} projects) in one process, one
evaluation context a round.

| | median per project (ms) |
|---|---:|
| plain Microsoft.NET.Sdk | {plain[0]} |
| TwelveFactor.Sdk | {ours[0]} |

TwelveFactor.Sdk adds **{difference} ms** of evaluation per project (the mean of the medians of both orders: {subject_first} when it is
evaluated first in a round, {subject_second} when second)."""
print(text)
if os.environ.get("WRITE"):
    benchdoc.replace(os.path.join(root, "docs", "benchmarks.md"), "evaluation", text)
PY
