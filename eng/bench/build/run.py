#!/usr/bin/env python3
"""Build overhead of TwelveFactor.Sdk against plain Microsoft.NET.Sdk on the same projects.

Scenarios: (a) one web service, (b) a generated 50-project solution (45 libraries in layers, 5 console
services). For each, the variants are generated side by side, restored once and built once (warm-up), then
measured in alternating runs: a full build (bin/ and obj/<configuration> removed, restore kept) and a no-op build
right after, or no-op builds alone. Prints, per variant, medians, fastest runs, spread, CPU time and the load
average during the run, writes them to artifacts/bench/build.json, and with --write the generated table of
docs/benchmarks.md (between <!-- bench:build-SCENARIOS-MODES --> markers).

    python3 eng/bench/build/run.py [--runs N] [--scenarios web,solution50] [--noop-only]
                                   [--also NAME=PROPERTY=VALUE ...] [--write]

    python3 eng/bench/build/run.py --scenarios solution50 --noop-only --runs 9 --write   (about 5 minutes)
    python3 eng/bench/build/run.py --scenarios web --runs 9 --write                      (about 2 minutes)

--also adds a variant of TwelveFactor.Sdk with one property set (in its own copy of the projects, alternating
with the others), e.g. --also content-hash=TwelveFactorCheckContentHash=true. --noop-only measures no-op builds
alone (after one full build of each variant).
"""
import argparse, json, os, resource, shutil, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import stats, benchdoc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ENV = dict(os.environ, MSBUILDDISABLENODEREUSE="1", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", MSBUILDTERMINALLOGGER="off")
for name in ("CI", "ContinuousIntegrationBuild"):
    ENV.pop(name, None)


def sh(args, cwd):
    result = subprocess.run(args, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed in {cwd}:\n{result.stdout[-4000:]}")
    return result.stdout


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def project(sdk, process_type, refs=(), tf=True):
    type_prop = f"\n    <TwelveFactorProcessType>{process_type}</TwelveFactorProcessType>" if tf and process_type else ""
    output = "\n    <OutputType>Exe</OutputType>" if (not tf and process_type == "admin") else ""
    items = "".join(f'\n    <ProjectReference Include="{r}" />' for r in refs)
    return f"""<Project Sdk="{sdk}">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>{type_prop}{output}
  </PropertyGroup>
  <ItemGroup>{items}
  </ItemGroup>
</Project>
"""


def generate(root, scenario, tf, version):
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    feed = os.path.join(ROOT, "artifacts", "packages")
    write(os.path.join(root, "nuget.config"), f"""<configuration>
  <packageSources><clear /><add key="local" value="{feed}" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="TwelveFactor.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
  <config><add key="globalPackagesFolder" value="{os.path.join(root, '.packages')}" /></config>
</configuration>
""")
    subprocess.run(["git", "init", "-q", root], check=True)
    def sdk(kind):
        if tf:
            return f"TwelveFactor.Sdk/{version}"
        return "Microsoft.NET.Sdk.Web" if kind == "web" else "Microsoft.NET.Sdk"
    projects = []
    if scenario == "web":
        write(os.path.join(root, "Web/Web.csproj"), project(sdk("web"), "web", tf=tf))
        write(os.path.join(root, "Web/Program.cs"), 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/healthz", () => "alive");\napp.Run();\n')
        return "Web"
    names = []
    for i in range(45):
        layer = i // 9
        refs = [f"../Lib{j:02d}/Lib{j:02d}.csproj" for j in range((layer - 1) * 9, layer * 9) if layer > 0 and j % 3 == i % 3]
        name = f"Lib{i:02d}"
        write(os.path.join(root, name, name + ".csproj"), project(sdk("lib"), None, refs, tf))
        body = "\n".join(f"    public int M{k}(int x) => x * {k} + {i};" for k in range(30))
        write(os.path.join(root, name, "Code.cs"), f"namespace {name};\n\npublic sealed class Service{i}\n{{\n{body}\n}}\n")
        names.append(name)
    for i in range(5):
        name = f"App{i}"
        refs = [f"../Lib{j:02d}/Lib{j:02d}.csproj" for j in range(36 + i, 45, 5)]
        write(os.path.join(root, name, name + ".csproj"), project(sdk("admin"), "admin", refs, tf))
        write(os.path.join(root, name, "Program.cs"), 'Console.WriteLine("ok");\n')
        names.append(name)
    sh(["dotnet", "new", "sln", "-n", "All", "--format", "sln"], root)
    sh(["dotnet", "sln", "All.sln", "add"] + [f"{n}/{n}.csproj" for n in names], root)
    return "All.sln"


def clean_outputs(root):
    for dirpath, dirnames, _ in os.walk(root):
        for d in list(dirnames):
            if d == "bin":
                shutil.rmtree(os.path.join(dirpath, d))
                dirnames.remove(d)
            elif d == "obj":
                for sub in ("Debug", "Release"):
                    p = os.path.join(dirpath, d, sub)
                    if os.path.exists(p):
                        shutil.rmtree(p)
                dirnames.remove(d)


def timed_build(root, target, properties=()):
    """Wall-clock and CPU seconds (user + system of every process the build waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    sh(["dotnet", "build", target, "--no-restore", "-nologo", "-v:q", "-m:2"] + [f"-p:{p}" for p in properties], root)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


NAMES = {"web": "web service", "solution50": "50 projects"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scenarios", default="web,solution50")
    parser.add_argument("--noop-only", action="store_true")
    parser.add_argument("--also", action="append", default=[], help="NAME=PROPERTY=VALUE: a TwelveFactor.Sdk variant with that property")
    parser.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    args = parser.parse_args()
    version = open(os.path.join(ROOT, "Directory.Build.props")).read().split("<VersionPrefix>")[1].split("<")[0]
    sh(["bash", "eng/pack.sh"], ROOT)
    work = os.path.join(ROOT, "artifacts", "bench", "build")
    # name -> (uses TwelveFactor.Sdk, properties)
    kinds = {"plain": (False, ()), "twelvefactor": (True, ())}
    for extra in args.also:
        name, prop = extra.split("=", 1)
        kinds[name] = (True, (prop,))
    measured = ("noop",) if args.noop_only else ("full", "noop")
    report, tables = {}, []
    for scenario in args.scenarios.split(","):
        variants = {}
        for name, (tf, props) in kinds.items():
            root = os.path.join(work, scenario, name)
            target = generate(root, scenario, tf, version)
            sh(["dotnet", "restore", target, "-nologo"] + [f"-p:{p}" for p in props], root)
            timed_build(root, target, props)  # warm-up: compiler server, file cache
            variants[name] = (root, target, props)
        samples = {(name, kind, what): [] for name in kinds for kind in measured for what in ("wall", "cpu")}
        names = list(kinds)
        loads = []
        for run in range(args.runs):
            loads.append(stats.load_average())
            order = names if run % 2 == 0 else list(reversed(names))
            for name in order:
                root, target, props = variants[name]
                if not args.noop_only:
                    clean_outputs(root)
                    wall, cpu = timed_build(root, target, props)
                    samples[(name, "full", "wall")].append(wall); samples[(name, "full", "cpu")].append(cpu)
                wall, cpu = timed_build(root, target, props)
                samples[(name, "noop", "wall")].append(wall); samples[(name, "noop", "cpu")].append(cpu)
        loads.append(stats.load_average())
        result = {}
        for kind in measured:
            plain, plain_cpu = samples[("plain", kind, "wall")], samples[("plain", kind, "cpu")]
            result[kind] = {"plain_samples": [round(x, 3) for x in plain], "plain_cpu": [round(x, 3) for x in plain_cpu], "loads": loads}
            rows = [stats.row("plain, wall", plain), stats.row("plain, CPU", plain_cpu)]
            ratios = []
            for name in names[1:]:
                ours, ours_cpu = samples[(name, kind, "wall")], samples[(name, kind, "cpu")]
                median, fastest = stats.ratios(ours, plain)
                cpu_median, cpu_least = stats.ratios(ours_cpu, plain_cpu)
                result[kind][name + "_samples"] = [round(x, 3) for x in ours]
                result[kind][name + "_cpu"] = [round(x, 3) for x in ours_cpu]
                result[kind][name + "_ratio"] = round(median, 3)
                result[kind][name + "_ratio_fastest"] = round(fastest, 3)
                label = "TwelveFactor.Sdk" if name == "twelvefactor" else name
                rows += [stats.row(label + ", wall", ours), stats.row(label + ", CPU", ours_cpu)]
                ratios.append(f"{label} / plain: **{median:.3f}** on wall-clock medians, {fastest:.3f} on the fastest runs, "
                              f"{stats.paired_text(ours, plain)}; "
                              f"CPU time {cpu_median:.3f} on medians, {cpu_least:.3f} on the least.")
            title = f"{NAMES.get(scenario, scenario)}, {'full' if kind == 'full' else 'no-op'} build"
            tables.append(f"{title}: {args.runs} alternating runs each; {stats.load_line(loads)}\n\n"
                          + stats.table_header() + "\n" + "\n".join(rows) + "\n\n" + "\n".join(ratios))
            print(tables[-1] + "\n")
        report[scenario] = result
    os.makedirs(os.path.join(ROOT, "artifacts", "bench"), exist_ok=True)
    with open(os.path.join(ROOT, "artifacts", "bench", "build.json"), "w") as f:
        json.dump(report, f, indent=2)
    if args.write:
        command = ("python3 eng/bench/build/run.py --scenarios " + args.scenarios + (" --noop-only" if args.noop_only else "")
                   + "".join(" --also " + a for a in args.also) + f" --runs {args.runs} --write")
        marker = "build-" + args.scenarios.replace(",", "-") + ("-noop" if args.noop_only else "")
        benchdoc.replace(os.path.join(ROOT, "docs", "benchmarks.md"), marker, f"Command: `{command}`\n\n" + "\n\n".join(tables))


if __name__ == "__main__":
    main()
