#!/usr/bin/env python3
"""The real-world corpus: the SDK's findings on public .NET services against hand-made labels.

    python3 eng/bench/corpus/run.py [--mirror /work/.mirror] [--work DIR] [--only owner/name ...] [--no-restore]
    python3 eng/bench/corpus/run.py --work DIR --rescore      # score an earlier run's SARIF logs again

For each repository in manifest.json the script takes the snapshot at the manifest's commit out of the local
mirror (<mirror>/<owner>+<name>/repo, a bare git directory; nothing of it is kept in this repository), adopts
TwelveFactor.Sdk in each listed service project as the README says (the Sdk attribute, the process type, the
version in global.json, a nuget.config that adds the packed SDK's feed), and runs the SDK's checks:
`dotnet msbuild -restore -t:TwelveFactorReport`, and where restore fails here the same target without
restore (the checks that need no restore). It never compiles the snapshot: findings that only the compiler
run can give (the analyzer's) are not measured here, and their labels are listed as such.

The SARIF logs are compared with labels.tsv (one line per violation or look-alike a reviewer marked) and the
script prints recall, precision, the findings that no label explains, the missed violations and the
default-policy build breaks on look-alikes. A snapshot missing from the mirror is named, with where it was
looked for, and its labels are left out of the figures.
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def run(args, cwd=None, env=None, timeout=900):
    started = time.monotonic()
    result = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, timeout=timeout)
    return result.returncode, result.stdout, time.monotonic() - started


def load_manifest():
    with open(HERE / "manifest.json", encoding="utf-8") as f:
        return json.load(f)["repositories"]


def load_labels():
    labels = []
    with open(HERE / "labels.tsv", encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            row["line"] = int(row["line"]) if row["line"] not in ("", "-") else None
            labels.append(row)
    return labels


def snapshot_dir(mirror, repo):
    return Path(mirror) / repo["name"].replace("/", "+") / "repo"


def extract(mirror, repo, target):
    """The snapshot's tree at the manifest's commit in a fresh folder, as a one-commit git repository (the SDK
    reads the repository root and the commit). Returns a reason when the snapshot cannot be had."""
    git_dir = snapshot_dir(mirror, repo)
    if not git_dir.is_dir():
        return f"snapshot absent: no git directory at {git_dir} (bring {repo['name']} with the search tool's fetch)"
    code, _, _ = run(["git", "--git-dir", str(git_dir), "cat-file", "-e", repo["commit"] + "^{commit}"])
    if code != 0:
        return f"snapshot absent: {git_dir} does not hold commit {repo['commit']}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    missing = write_tree(git_dir, repo["commit"], target)
    if missing:
        print(f"note    {repo['name']}: {missing} file(s) of the snapshot are not in the mirror (large files); the rest is used")
    quiet = ["-c", "user.name=corpus", "-c", "user.email=corpus@localhost", "-c", "commit.gpgsign=false"]
    run(["git", "init", "-q"], cwd=target)
    run(["git", *quiet, "add", "-A"], cwd=target)
    run(["git", *quiet, "commit", "-q", "-m", "snapshot " + repo["commit"]], cwd=target)
    return None


def write_tree(git_dir, commit, target):
    """Writes the commit's files under target, one blob at a time, so that a blob the snapshot lacks (files of
    4 MiB and more are not mirrored) skips that file instead of the whole repository. Returns how many were
    skipped."""
    listing = subprocess.run(["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-z", commit],
                             stdout=subprocess.PIPE, check=True).stdout.split(b"\0")
    entries = []
    for entry in listing:
        if not entry:
            continue
        meta, path = entry.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode != b"120000":
            entries.append((sha.decode(), path.decode("utf-8", "surrogateescape")))
    batch = subprocess.Popen(["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    missing = 0
    for sha, path in entries:
        batch.stdin.write(sha.encode() + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            missing += 1
            continue
        content = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(content)
    batch.stdin.close()
    batch.wait()
    return missing


def adopt(tree, repo, version, feed):
    """What the README asks of an adopter: a feed that holds the package and, per service project, the Sdk
    attribute with its version and the process type. The snapshot's pinned .NET SDK is dropped so that this
    machine's SDK evaluates it."""
    # A pinned .NET SDK that this machine lacks would stop every build before the SDK is even resolved.
    for global_json in tree.rglob("global.json"):
        text = re.sub(r"^\s*//.*$", "", global_json.read_text(encoding="utf-8-sig"), flags=re.M)
        try:
            settings = json.loads(text)
        except ValueError:
            continue
        if settings.pop("sdk", None) is not None:
            global_json.write_text(json.dumps(settings, indent=2), encoding="utf-8")

    config = next((p for p in tree.iterdir() if p.name.lower() == "nuget.config"), None)
    source = f'<add key="twelvefactor-corpus" value="{feed}" />'
    if config is None:
        (tree / "nuget.config").write_text(
            f"<configuration>\n  <packageSources>\n    {source}\n  </packageSources>\n</configuration>\n",
            encoding="utf-8")
    else:
        text = config.read_text(encoding="utf-8-sig")
        # At the end of each section, so that a <clear /> in it does not remove the feed.
        text = text.replace("</packageSources>", "  " + source + "\n  </packageSources>", 1)
        text = text.replace("</packageSourceMapping>",
                            '  <packageSource key="twelvefactor-corpus"><package pattern="TwelveFactor.*" /></packageSource>\n'
                            "  </packageSourceMapping>", 1)
        config.write_text(text, encoding="utf-8")

    for service in repo["services"]:
        project = tree / service["project"]
        text = project.read_text(encoding="utf-8-sig")
        text, count = re.subn(r'Sdk="Microsoft\.NET\.Sdk(\.Web|\.Worker)?"', f'Sdk="TwelveFactor.Sdk/{version}"', text, count=1)
        if count == 0:
            raise SystemExit(f"{repo['name']}: {service['project']} has no Microsoft.NET.Sdk attribute to replace")
        # On the line of the first PropertyGroup, so that every line keeps the number the labels give it.
        text = re.sub(r"<PropertyGroup>",
                      f"<PropertyGroup><TwelveFactorProcessType>{service['processType']}</TwelveFactorProcessType>",
                      text, count=1)
        project.write_text(text, encoding="utf-8")


def check(tree, repo, service, sarif_dir, env, try_restore=True):
    """The SDK's checks on one service; with restore when it restores here, else the restore-independent ones."""
    project = tree / service["project"]
    sarif = sarif_dir / (service["project"].replace("/", "+") + ".sarif")
    base = ["dotnet", "msbuild", str(project), "-t:TwelveFactorReport", "-nologo", "-v:q", "-m:1",
            f"-p:TwelveFactorSarifLog={sarif}"]
    restored = False
    output = ""
    if try_restore:
        code, output, seconds = run(base[:3] + ["-restore"] + base[3:], cwd=tree, env=env)
        restored = not re.search(r"error (NU\d+|NETSDK1004|MSB4236|NETSDK1045)", output)
    if not restored:
        code, output, seconds = run(base, cwd=tree, env=env)
    return sarif, restored, output


def findings(sarif, repo_name):
    if not sarif.exists():
        return []
    with open(sarif, encoding="utf-8") as f:
        log = json.load(f)
    found = []
    for run_ in log.get("runs", []):
        for result in run_.get("results", []):
            if result.get("baselineState") == "absent":
                continue
            location = (result.get("locations") or [{}])[0].get("physicalLocation", {})
            uri = location.get("artifactLocation", {}).get("uri", "")
            found.append({
                "repo": repo_name,
                "file": uri.replace("%20", " "),
                "line": location.get("region", {}).get("startLine"),
                "rule": result["ruleId"],
                "level": result.get("level"),
                "message": result.get("message", {}).get("text", ""),
            })
    return found


def is_code(label):
    """A label on C# source is the analyzer's to find, which needs the compile this script does not run."""
    return label["file"].endswith(".cs")


def matches(finding, label):
    """Same repository, rule and file, and the same line unless the finding is about the whole file."""
    return (finding["repo"] == label["repo"] and finding["rule"] == label["rule"]
            and finding["file"] == label["file"]
            and (label["line"] is None or finding["line"] is None or finding["line"] == label["line"]))


def score(all_findings, labels, measured_repos):
    labels = [l for l in labels if l["repo"] in measured_repos]
    measured = [l for l in labels if not is_code(l)]
    violations = [l for l in measured if l["verdict"] == "violation"]
    lookalikes = [l for l in measured if l["verdict"] == "look-alike"]
    unique = {}
    for f in all_findings:
        unique.setdefault((f["repo"], f["file"], f["line"], f["rule"]), f)
    findings_ = list(unique.values())

    found_violations = [v for v in violations if any(matches(f, v) for f in findings_)]
    true_positive, false_positive, unexplained, breaks = [], [], [], []
    for f in findings_:
        label = next((l for l in measured if matches(f, l)), None)
        if label is None:
            unexplained.append(f)
        elif label["verdict"] == "violation":
            true_positive.append(f)
        else:
            false_positive.append((f, label))
            if f["level"] == "error":
                breaks.append((f, label))
    reported = len(true_positive) + len(false_positive) + len(unexplained)
    recall = len(found_violations) / len(violations) if violations else 1.0
    precision = len(true_positive) / reported if reported else 1.0
    return {
        "violations": violations, "found": found_violations, "lookalikes": lookalikes,
        "true_positive": true_positive, "false_positive": false_positive, "unexplained": unexplained,
        "breaks": breaks, "recall": recall, "precision": precision, "reported": reported,
        "not_measured": [l for l in labels if is_code(l)],
    }


def pack(work):
    version = "0.0.0-corpus." + time.strftime("%Y%m%d%H%M%S", time.gmtime())
    feed = work / "feed"
    env = dict(os.environ, VERSION=version, PACKAGE_OUTPUT=str(feed))
    code, output, _ = run(["bash", str(ROOT / "eng" / "pack.sh")], env=env)
    if code != 0:
        raise SystemExit("eng/pack.sh failed:\n" + output)
    return version, feed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", default="/work/.mirror")
    parser.add_argument("--work", default=None, help="scratch folder (default: a new temporary folder)")
    parser.add_argument("--only", action="append", default=[], help="owner/name to run (repeatable)")
    parser.add_argument("--feed", default=None, help="an already packed feed (with --version)")
    parser.add_argument("--version", default=None)
    parser.add_argument("--no-restore", action="store_true",
                        help="run only the checks that need no restore, without trying restore first (quicker)")
    parser.add_argument("--rescore", action="store_true",
                        help="score the SARIF logs an earlier run left in --work against the labels, without checking again")
    options = parser.parse_args()

    work = Path(options.work or tempfile.mkdtemp(prefix="twelvefactor-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    if options.rescore:
        version, feed = None, None
    elif options.feed and options.version:
        version, feed = options.version, Path(options.feed)
    else:
        version, feed = pack(work)
    env = dict(os.environ, NUGET_PACKAGES=str(work / "nuget-packages"), DOTNET_CLI_TELEMETRY_OPTOUT="1",
               DOTNET_NOLOGO="1", MSBUILDDISABLENODEREUSE="1")
    env.pop("CI", None)
    env.pop("ContinuousIntegrationBuild", None)

    repos = [r for r in load_manifest() if not options.only or r["name"] in options.only]
    labels = load_labels()
    all_findings, measured, absent = [], set(), []
    for repo in repos:
        tree = work / "src" / repo["name"].replace("/", "+")
        sarif_dir = work / "sarif" / repo["name"].replace("/", "+")
        if options.rescore:
            logs = sorted(sarif_dir.glob("*.sarif"))
            if logs:
                measured.add(repo["name"])
                for log in logs:
                    all_findings.extend(findings(log, repo["name"]))
            else:
                print(f"ABSENT  {repo['name']}: no SARIF log in {sarif_dir}; its labels are left out of the figures")
                absent.append(repo["name"])
            continue
        reason = extract(options.mirror, repo, tree)
        if reason:
            print(f"ABSENT  {repo['name']}: {reason}; its labels are left out of the figures")
            absent.append(repo["name"])
            continue
        adopt(tree, repo, version, feed)
        sarif_dir.mkdir(parents=True, exist_ok=True)
        for old in sarif_dir.glob("*.sarif"):
            old.unlink()
        evaluated = False
        for service in repo["services"]:
            sarif, restored, output = check(tree, repo, service, sarif_dir, env, try_restore=not options.no_restore)
            found = findings(sarif, repo["name"])
            all_findings.extend(found)
            state = ("restored" if restored else "restore not tried: restore-independent checks only" if options.no_restore
                     else "restore failed: restore-independent checks only")
            print(f"checked {repo['name']} {service['project']} ({state}): {len(found)} findings")
            if sarif.exists():
                evaluated = True
            else:
                print("  no SARIF log was written; the build said:\n    " + "\n    ".join(output.strip().splitlines()[-8:]))
        if evaluated:
            measured.add(repo["name"])
        else:
            print(f"NOT EVALUATED {repo['name']}: no service of it could be evaluated here; its labels are left out of the figures")
            absent.append(repo["name"])

    result = score(all_findings, labels, measured)
    print()
    print(f"repositories measured: {len(measured)} of {len(repos)}" + (f" (absent: {', '.join(absent)})" if absent else ""))
    print(f"labelled violations: {len(result['violations'])}, found: {len(result['found'])}")
    print(f"labelled look-alikes: {len(result['lookalikes'])}, reported: {len(result['false_positive'])}")
    print(f"findings: {result['reported']} ({len(result['true_positive'])} right, {len(result['false_positive'])} on look-alikes, "
          f"{len(result['unexplained'])} that no label explains)")
    print(f"recall: {result['recall']:.1%}")
    print(f"precision: {result['precision']:.1%}")
    print(f"default-policy build breaks on look-alikes: {len(result['breaks'])}")
    print(f"labels of analyzer rules, not measured without a compile: {len(result['not_measured'])}")
    if result["unexplained"]:
        print("\nfindings that no label explains:")
        for f in sorted(result["unexplained"], key=lambda f: (f["repo"], f["file"], f["line"] or 0)):
            print(f"  {f['repo']}\t{f['file']}\t{f['line']}\t{f['rule']}\t{f['level']}\t{f['message'][:160]}")
    if result["false_positive"]:
        print("\nfindings on look-alikes:")
        for f, label in result["false_positive"]:
            print(f"  {f['repo']}\t{f['file']}\t{f['line']}\t{f['rule']}\t{f['level']}\t{label['reason']}")
    missed = [v for v in result["violations"] if v not in result["found"]]
    if missed:
        print("\nmissed violations:")
        for v in missed:
            print(f"  {v['repo']}\t{v['file']}\t{v['line']}\t{v['rule']}\t{v['reason']}")
    with open(work / "findings.json", "w", encoding="utf-8") as f:
        json.dump(all_findings, f, indent=1)
    print(f"\nfindings of this run: {work / 'findings.json'}")


if __name__ == "__main__":
    main()
