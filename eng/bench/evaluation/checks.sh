#!/usr/bin/env bash
# Check-chain benchmark: what TwelveFactor.Sdk's check chain (TwelveFactorCheck: the settings cache, the checks'
# input lists, their up-to-date tests and the report's) costs each project of a no-op build, measured in one process
# with MSBuild's API after evaluation, so that a tenth of a millisecond per project shows. Prints the milliseconds
# per project and each target's share; WRITE=1 writes them into docs/benchmarks.md (between <!-- bench:checks -->
# markers).
#   eng/bench/evaluation/checks.sh                  ROUNDS=30 eng/bench/evaluation/checks.sh
#   eng/bench/evaluation/checks.sh BEFORE AFTER     (two copies of the solution, the package's targets edited in
#                                                   AFTER/.packages: the rounds alternate, the difference is the edit's;
#                                                   printed only, WRITE=1 writes the one-folder table)
# The solution comes from eng/bench/build/run.py (generated, restored and built when it is not there yet: about
# 3 minutes); the rounds take about a minute.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
rounds="${ROUNDS:-20}"
solution="$root/artifacts/bench/build/solution50/twelvefactor"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$#" -eq 0 ]; then
  if [ ! -f "$solution/Lib00/obj/project.assets.json" ]; then
    python3 "$root/eng/bench/build/run.py" --scenarios solution50 --noop-only --runs 1 >/dev/null
  fi
  set -- "$solution"
fi
# A copy of the solution (cp -a) still names the original's package folder: each folder resolves the SDK from its own.
for folder in "$@"; do
  folder="$(cd "$folder" && pwd)"
  if [ -f "$folder/nuget.config" ] && ! grep -q "value=\"$folder/.packages\"" "$folder/nuget.config"; then
    sed -i "s#key=\"globalPackagesFolder\" value=\"[^\"]*\"#key=\"globalPackagesFolder\" value=\"$folder/.packages\"#" "$folder/nuget.config"
    echo "$folder/nuget.config: globalPackagesFolder is now $folder/.packages" >&2
  fi
done
dotnet build "$root/eng/bench/evaluation" -c Release -nologo -v quiet >/dev/null
result="$(dotnet "$root/eng/bench/evaluation/bin/Release/net10.0/EvaluationBench.dll" checks "$rounds" "$@")"

ROUNDS="$rounds" RESULT="$result" WRITE="${WRITE:-}" python3 - "$root" <<'PY'
import os, sys
root = sys.argv[1]
sys.path.insert(0, os.path.join(root, "eng", "bench"))
import benchdoc
folders, targets = [], {}
for line in os.environ["RESULT"].splitlines():
    kind, *fields = line.split("\t")
    if kind == "folder":
        folders.append(fields)
        targets[fields[0]] = []
    else:
        targets[folders[-1][0]].append(fields)
names = [f[0] for f in folders]
labels = [os.path.basename(n) or n for n in names] if len(names) > 1 else ["ms per project"]
header = "| target | " + " | ".join(labels) + " |\n|---|" + "---:|" * len(names)
rows = []
for target, _ in targets[names[0]]:
    cells = [dict(map(tuple, targets[n])).get(target, "") for n in names]
    rows.append(f"| `{target}` | " + " | ".join(cells) + " |")
total = "| **TwelveFactorCheck, per project** | " + " | ".join(f"**{f[1]}**" for f in folders) + " |"
text = f"""Command: `ROUNDS={os.environ['ROUNDS']} WRITE=1 eng/bench/evaluation/checks.sh`

{os.environ['ROUNDS']} rounds, each asking every project of the 50-project solution ({folders[0][2]} projects, built before, every check up to date) for
`TwelveFactorCheck` in one build session after evaluating it; milliseconds per project (medians of the rounds for the
request, means for the targets, from their start to their end).

{header}
{total}
""" + "\n".join(rows)
print(text)
if os.environ.get("WRITE") and len(folders) == 1:
    benchdoc.replace(os.path.join(root, "docs", "benchmarks.md"), "checks", text)
PY
