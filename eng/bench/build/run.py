#!/usr/bin/env python3
"""Build overhead of TwelveFactor.Sdk against plain Microsoft.NET.Sdk on the same projects.

Scenarios: (a) one web service, (b) a generated 50-project solution (45 libraries in layers, 5 console
services). For each, both variants are generated side by side, restored once, then measured in alternating
runs: a full build (bin/ and obj/<configuration> removed, restore kept) and a no-op build right after.
Prints medians and the ratio, and writes them to artifacts/bench/build.json.

    python3 eng/bench/build/run.py [--runs N] [--scenarios web,solution50] [--noop-only]
                                   [--also NAME=PROPERTY=VALUE ...]

--also adds a variant of TwelveFactor.Sdk with one property set (in its own copy of the projects, alternating
with the others), e.g. --also content-hash=TwelveFactorCheckContentHash=true. --noop-only measures no-op builds
alone (after one full build of each variant).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

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
    start = time.perf_counter()
    sh(["dotnet", "build", target, "--no-restore", "-nologo", "-v:q", "-m:2"] + [f"-p:{p}" for p in properties], root)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenarios", default="web,solution50")
    parser.add_argument("--noop-only", action="store_true")
    parser.add_argument("--also", action="append", default=[], help="NAME=PROPERTY=VALUE: a TwelveFactor.Sdk variant with that property")
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
    report = {}
    for scenario in args.scenarios.split(","):
        variants = {}
        for name, (tf, props) in kinds.items():
            root = os.path.join(work, scenario, name)
            target = generate(root, scenario, tf, version)
            sh(["dotnet", "restore", target, "-nologo"] + [f"-p:{p}" for p in props], root)
            timed_build(root, target, props)  # warm-up: compiler server, file cache
            variants[name] = (root, target, props)
        samples = {(name, kind): [] for name in kinds for kind in measured}
        names = list(kinds)
        for run in range(args.runs):
            order = names if run % 2 == 0 else list(reversed(names))
            for name in order:
                root, target, props = variants[name]
                if not args.noop_only:
                    clean_outputs(root)
                    samples[(name, "full")].append(timed_build(root, target, props))
                samples[(name, "noop")].append(timed_build(root, target, props))
        result = {}
        for kind in measured:
            plain = statistics.median(samples[("plain", kind)])
            result[kind] = {"plain_s": round(plain, 3), "plain_samples": [round(x, 3) for x in samples[("plain", kind)]]}
            for name in names[1:]:
                ours = statistics.median(samples[(name, kind)])
                key = "twelvefactor" if name == "twelvefactor" else name
                result[kind][key + "_s"] = round(ours, 3)
                result[kind][key + "_ratio"] = round(ours / plain, 3)
                result[kind][key + "_samples"] = [round(x, 3) for x in samples[(name, kind)]]
                result[kind][key + "_fastest"] = round(min(samples[(name, kind)]), 3)
                if name == "twelvefactor":
                    result[kind]["ratio"] = result[kind]["twelvefactor_ratio"]
                print(f"{scenario:11} {kind:4}: plain {plain:6.2f}s  {name} {ours:6.2f}s  ratio {ours / plain:.3f}  (median of {args.runs}; fastest {min(samples[(name, kind)]):.2f} vs {min(samples[('plain', kind)]):.2f})")
        report[scenario] = result
    os.makedirs(os.path.join(ROOT, "artifacts", "bench"), exist_ok=True)
    with open(os.path.join(ROOT, "artifacts", "bench", "build.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
