# The rule catalogue's text, kept in one place. `python3 eng/catalog/rules.py` regenerates
# sdk/TwelveFactor.Sdk/Rules/Rules.resx (read by RuleCatalog.cs, in the tasks and the analyzer),
# targets/TwelveFactor.RuleIds.props and the README's rule table and any missing docs/rules/<id>.md page; the
# catalogue test fails when the resx, RuleCatalog.cs, the docs pages and the README table disagree.
# Each rule: id, factor, default severity, title, message (what was found, {0}.. are the
# finding's arguments), fix (what to do instead), why (the factor's reason).
RULES = [
  # Engine diagnostics (TF0000-TF0099): about the build's own inputs, not about the service.
  ("TF0000", 0, "error", "A policy check failed unexpectedly",
   "The check '{0}' stopped with an unexpected error: {1}",
   "Report this with the build log; meanwhile silence the check's rules with NoWarn if it blocks you.",
   "A policy check that cannot run must say so rather than pass silently."),
  ("TF0001", 0, "error", "The baseline file is malformed",
   "The baseline file could not be read: {0}",
   "Fix the JSON by hand, or delete the file and run 'dotnet build -t:TwelveFactorBaseline' to write it again.",
   "Without a readable baseline every finding counts as new, so a broken file must be named, not ignored."),
  ("TF0002", 0, "warning", "Baseline entries no longer match any finding",
   "{0} baseline entr(y/ies) no longer match a finding: {1}",
   "Run 'dotnet build -t:TwelveFactorBaseline' to shrink the baseline, and commit it.",
   "A baseline should only ever shrink; stale entries would hide the same violation if it came back."),
  ("TF0003", 0, "warning", "A file could not be read",
   "The file could not be read: {0}",
   "Check that the file exists and is readable by the build.",
   "A check that cannot read its input cannot vouch for it."),
  ("TF0004", 0, "warning", "A file is malformed",
   "The file is malformed and was checked line by line instead: {0}",
   "Fix the syntax error at the position given.",
   "A file that does not parse may still carry what the rules look for, so it is named rather than skipped."),
  ("TF0005", 0, "error", "A TwelveFactor setting has an invalid value",
   "{0} is '{1}', which is not one of: {2}",
   "Use one of the listed values.",
   "A misspelt policy setting would otherwise silently fall back to a weaker policy."),
  ("TF0006", 0, "warning", "A report could not be written",
   "The report '{0}' could not be written: {1}",
   "Make the folder writable or point the setting at a writable path.",
   "Build results that are not written cannot be uploaded or reviewed."),
  ("TF0007", 0, "error", "The baseline could not be written",
   "The baseline '{0}' could not be written: {1}",
   "Make the project folder writable, or set TwelveFactorBaselineFile to a writable path.",
   "The baseline target exists only to write this file."),
  ("TF0008", 0, "error", "The process type is not visible to the SDK in time",
   "TwelveFactorProcessType is '{0}' after evaluation but '{1}' where the SDK chooses the web, worker or console flavour",
   "Set <TwelveFactorProcessType> literally in the project file (or as a global property), not in an imported file or through another property.",
   "The flavour is chosen before the project body is evaluated; a value the SDK cannot see would build the project as the wrong kind of process."),

  # I. Codebase
  ("TF0101", 1, "warning", "Project reference leaves the repository",
   "ProjectReference '{0}' points outside the repository root '{1}'",
   "Publish the shared code as a versioned package and reference it with PackageReference.",
   "One codebase per app: code shared between apps belongs in a library with its own release, not in a path that couples two repositories."),

  # II. Dependencies
  ("TF0201", 2, "error", "Dependencies are not locked",
   "{0}",
   "Keep RestorePackagesWithLockFile on, run 'dotnet restore' and commit packages.lock.json; CI restores in locked mode.",
   "Explicitly declared and isolated dependencies: without a committed lock file, two builds of the same commit can resolve different packages."),
  ("TF0202", 2, "error", "Floating or open-ended package version",
   "{0} '{1}' has the floating or open-ended version '{2}'",
   "Pin an exact version (for example [1.2.3] or 1.2.3) and let packages.lock.json record the whole graph.",
   "Explicitly declared dependencies: a floating version resolves to whatever the feed serves that day, so the same commit builds different code."),
  ("TF0203", 2, "error", "Reference to a system-wide assembly",
   "Reference '{0}' uses HintPath '{1}', which is {2}",
   "Reference the library as a PackageReference, or vendor the DLL inside the repository.",
   "Never rely on system-wide packages: a DLL found on the build machine is not declared by the app and will be missing elsewhere."),
  ("TF0204", 2, "warning", "Container base image is not pinned by digest",
   "The base image '{0}' is not pinned by digest: write it as '{1}'",
   "Pin it as name:tag@sha256:<digest> in ContainerBaseImage (or the Dockerfile's FROM); get the digest with 'skopeo inspect docker://name:tag' or 'docker buildx imagetools inspect name:tag'.",
   "Explicitly declared dependencies: a tag moves, so the same commit can ship on a different base image tomorrow."),

  # III. Config
  ("TF0301", 3, "error", "Config file embedded in the assembly",
   "The config file '{0}' is an EmbeddedResource",
   "Do not embed config: read settings from environment variables (IConfiguration with AddEnvironmentVariables).",
   "Config is stored in the environment: config compiled into the assembly cannot change between deploys without a rebuild."),
  ("TF0302", 3, "error", "Environment-specific config in the output",
   "'{0}' is copied to the {1} output",
   "Move its values into environment variables set by each deploy, and keep the file out of the output (CopyToOutputDirectory/CopyToPublishDirectory Never) or delete it.",
   "Config is stored in the environment, not in grouped per-environment files: one build must serve every deploy."),
  ("TF0303", 3, "error", "Secret in a file the project carries",
   "A secret ({0}) is written in '{1}': {2}",
   "Remove the value, rotate the credential, and read it from an environment variable or a secret store at run time.",
   "Config is stored in the environment: the code could be open-sourced at any moment without exposing a credential."),
  ("TF0304", 3, "error", "Key or credential file in the output",
   "The key or credential file '{0}' is copied to the {1} output",
   "Keep key material out of the build: mount it at run time from a secret store or the platform.",
   "Config, credentials above all, is stored in the environment, never shipped inside the build."),

  # IV. Backing services
  ("TF0401", 4, "warning", "Backing service address hard-coded",
   "The setting {0} points at the fixed address '{1}'",
   "Read the address and credentials from an environment variable (for example DATABASE_URL) so that swapping the resource changes config, not the release.",
   "Backing services are attached resources, located by config; a hard-coded address ties the release to one deploy."),

  # V. Build, release, run
  ("TF0501", 5, "error", "Release cut from an unversioned or dirty tree",
   "The container is published from {0}",
   "Commit your changes and publish from a clean git checkout, or set TwelveFactorAllowDirtyRelease=true for a local experiment.",
   "Build, release and run are separate: every release must name the exact commit it was built from."),
  ("TF0502", 5, "error", "Run-time code changes",
   "The package '{0}' compiles code at run time",
   "Remove it from the service; precompile views at build time (the default) and ship changes as a new release.",
   "Strictly separated stages: code changed at run time is a release nobody built or can reproduce."),
  ("TF0503", 5, "error", "Release id already exists",
   "The image '{0}' already has the tag '{1}' in the registry",
   "Give the release a new id (a new commit, version or TwelveFactorReleaseId); never overwrite a release.",
   "Releases are immutable: a release id must always mean the same image."),

  # VI. Processes
  ("TF0601", 6, "warning", "In-process state shared between requests",
   "{0}",
   "Keep shared state in a backing service (a distributed cache or database), never in process memory.",
   "Processes are stateless and share nothing: state in one process is lost on restart and invisible to its siblings."),

  # VII. Port binding
  ("TF0701", 7, "error", "The app is hosted inside IIS",
   "{0} makes IIS the server ({1})",
   "Host with Kestrel (AspNetCoreHostingModel OutOfProcess or none) and remove web.config; the app binds the port it is given.",
   "Port binding: the app is self-contained and exports HTTP by binding a port, not by being loaded into a web server."),
  ("TF0702", 7, "error", "Hard-coded listen address",
   "The setting {0} fixes the listen address '{1}'",
   "Bind the port from the environment (PORT, ASPNETCORE_HTTP_PORTS or ASPNETCORE_URLS) instead of a literal address.",
   "Port binding: the platform assigns the port; a fixed address in the release cannot move."),
  ("TF0703", 7, "warning", "Container port does not match the app's port",
   "The image declares port {0} but the app binds {1}",
   "Declare the port the app binds (ContainerPort) or bind the declared one.",
   "Port binding: the platform routes to the declared port; a mismatch is a service nobody can reach."),

  # VIII. Concurrency
  ("TF0801", 8, "warning", "Process type unknown or self-daemonizing",
   "{0}",
   "Set TwelveFactorProcessType to web, worker or admin, and let the platform manage the process (no Windows-service or daemon hosting).",
   "Concurrency: the app scales out as process types the platform runs; a process that daemonizes itself or has no type cannot be scaled or labelled."),
  ("TF0802", 8, "suggestion", "Background worker inside a web process",
   "The hosted service '{0}' runs background work inside the web process",
   "Move the background work into a worker process type so that web and worker scale independently.",
   "Concurrency: each kind of work is its own process type, scaled on its own."),

  # IX. Disposability
  ("TF0901", 9, "error", "The container runs as root",
   "{0}",
   "Set ContainerUser to a non-root user (the .NET images' 'app', uid 1654) or add a non-root USER to the final stage.",
   "Disposable, safely restartable processes: a root process is an escalation waiting to happen and cannot be killed and replaced freely."),
  ("TF0902", 9, "warning", "Shutdown is not graceful",
   "{0}",
   "Honour the CancellationToken in hosted loops and give the host a non-zero shutdown timeout.",
   "Disposability: on SIGTERM a process finishes or hands back its work quickly; ignoring the signal loses or duplicates work."),

  # X. Dev/prod parity
  ("TF1001", 10, "warning", "Development substitute for a backing service",
   "The development store '{0}' is referenced beside the production provider '{1}'",
   "Use the same backing service in development as in production (run it locally in a container).",
   "Dev/prod parity: a different store in development hides the bugs production will find."),

  # XI. Logs
  ("TF1101", 11, "error", "Logs written to files",
   "{0} writes logs to files ({1})",
   "Log to stdout (a console sink or provider, JSON formatted) and let the platform route the stream.",
   "Logs are event streams: an app never routes or stores its own log files."),

  # XII. Admin processes
  ("TF1201", 12, "warning", "Admin task inside a long-running process",
   "The setting {0} runs an admin task when the {1} process starts",
   "Run the task as a one-off admin process (TwelveFactorProcessType admin) from the same release.",
   "Admin processes run as one-off processes against a release, with the same code and config, never as a side effect of starting the web or worker process."),
]

# The trade-off of each rule's fix, in a sentence: what fixing it costs and what it buys. The assessment
# (dotnet build -t:TwelveFactorAssess) prints it beside the fix.
TRADE_OFFS = {
  "TF0101": "Packaging shared code costs a release step for the library, and in return each app chooses when to take its changes.",
  "TF0201": "A lock file is one more file to commit and refresh on upgrades; in return every build of a commit restores the same packages.",
  "TF0202": "Pinned versions need deliberate upgrades (a bot can propose them); in return a build never changes under you overnight.",
  "TF0203": "Packaging or vendoring the DLL takes an afternoon once; in return the build works on any machine, CI and containers included.",
  "TF0204": "A digest must be bumped to take base-image patches (a bot can do it); in return the image you tested is the image you ship.",
  "TF0301": "Reading settings from the environment needs a deploy-time variable per setting; in return one build serves every environment.",
  "TF0302": "Per-environment values move to the deploy's variables; in return the release is the same artifact everywhere.",
  "TF0303": "Secrets move to a secret store or environment variables and must be rotated once; in return the repository can be shared safely.",
  "TF0304": "Keys are mounted at run time by the platform, a little more deploy setup; in return a leaked image leaks no credential.",
  "TF0401": "Each deploy must now set one variable per backing service; in return swapping a database or cache is a config change, not a new release.",
  "TF0501": "Releases wait for a commit; in return every running image can be traced to the exact source it was built from.",
  "TF0502": "View edits need a rebuild and redeploy instead of a file copy; in return what runs is exactly what was built and tested.",
  "TF0503": "Every release needs a fresh id; in return a rollback to an id always gets the same image.",
  "TF0601": "A distributed store adds a network hop per access; in return any instance can serve any request and restarts lose nothing.",
  "TF0701": "The app runs behind a reverse proxy instead of inside IIS; in return the same release runs on any host that gives it a port.",
  "TF0702": "The platform must pass the port in (PORT or ASPNETCORE_HTTP_PORTS); in return instances can be placed and scaled anywhere.",
  "TF0703": "The port is declared in one more place; in return the platform routes traffic to where the app actually listens.",
  "TF0801": "The process type is one more line per project, and service hosting moves to the platform; in return each type scales on its own and the platform restarts it.",
  "TF0802": "A separate worker is one more deployable; in return web latency and background throughput scale independently.",
  "TF0901": "A non-root user may need file permissions adjusted; in return a compromised process cannot take over the container.",
  "TF0902": "Loops must honour cancellation and hand back work; in return deploys and scale-downs lose no work.",
  "TF1001": "Running the real database locally (in a container) is heavier than an in-memory store; in return dev finds the bugs prod would.",
  "TF1101": "Log retention moves to the platform's log router; in return no disk fills up and every instance's logs land in one place.",
  "TF1201": "Migrations run as a separate one-off step in the deploy; in return concurrent instances never race to change the schema.",
}

# What a person should review for each factor, because a build can only see part of it (or none of it).
FACTOR_REVIEW = [
  "",
  "Check that the app lives in one repository, and that every deploy is built from a commit of it.",
  "Check that nothing is installed on the servers beyond what the release declares (no system tools the app shells out to).",
  "Check that every setting that differs between deploys comes from an environment variable, and that nothing secret is in the repository.",
  "Check that databases, caches, queues and third-party APIs are all reached through config, and that swapping one needs no code change.",
  "Check that releases are immutable and tagged with a unique id, and that nothing changes code on a running server.",
  "Check for state kept in memory or on local disk between requests: sessions, caches, uploads; sticky sessions at the load balancer.",
  "Check that the app binds the port the platform gives it and that nothing in front of it expects it inside a web server.",
  "Check that each process type is deployed and scaled on its own, and that no process forks or daemonizes itself.",
  "Check start-up time and SIGTERM handling: in-flight requests drain, jobs are handed back, and the container stops within its grace period.",
  "Check that development and CI use the same backing services and versions as production, and that deploys are frequent.",
  "Check that the app writes its logs to stdout only and that the platform collects them.",
  "Check that admin tasks (migrations, scripts) run as one-off processes from the same release, not by hand on a server.",
]

FACTORS = ["Engine", "Codebase", "Dependencies", "Config", "Backing services", "Build, release, run",
           "Processes", "Port binding", "Concurrency", "Disposability", "Dev/prod parity", "Logs",
           "Admin processes"]
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

if __name__ == "__main__":
    import os, html
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    entries = []
    for rid, factor, sev, title, msg, fix, why in RULES:
        for key, val in (("Factor", str(factor)), ("Severity", sev), ("Title", title), ("Message", msg), ("Fix", fix), ("Why", why)):
            entries.append(f'  <data name="{rid}_{key}" xml:space="preserve">\n    <value>{html.escape(val, quote=False)}</value>\n  </data>')
    for rid, text in TRADE_OFFS.items():
        entries.append(f'  <data name="{rid}_TradeOff" xml:space="preserve">\n    <value>{html.escape(text, quote=False)}</value>\n  </data>')
    for factor, text in enumerate(FACTOR_REVIEW):
        if text:
            entries.append(f'  <data name="Factor{factor:02d}_Review" xml:space="preserve">\n    <value>{html.escape(text, quote=False)}</value>\n  </data>')
    resx = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
""" + "\n".join(entries) + "\n</root>\n"
    path = os.path.join(root, "sdk/TwelveFactor.Sdk/Rules/Rules.resx")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(resx)
    for rid, factor, sev, title, msg, fix, why in RULES:
        page = os.path.join(root, "docs/rules", rid + ".md")
        if os.path.exists(page):
            continue
        fname = FACTORS[factor] if factor else "Engine diagnostic"
        heading = f"Factor {ROMAN[factor]}, {FACTORS[factor]}" if factor else "Engine diagnostic (not a factor)"
        example = msg
        open(page, "w").write(f"""# {rid}: {title}

| | |
|---|---|
| Factor | {heading} |
| Default severity | {sev} (policy `recommended`) |

## What it reports
{msg.replace('{0}', '…').replace('{1}', '…').replace('{2}', '…')}.

## Why
{why}

## How to fix
{fix}

## How to suppress
- One rule in one project: `<NoWarn>$(NoWarn);{rid}</NoWarn>`.
- Keep today's findings and break only on new ones: `dotnet build -t:TwelveFactorBaseline`, then commit
  `TwelveFactor.baseline.json`.
- Report without breaking: `<WarningsNotAsErrors>$(WarningsNotAsErrors);{rid}</WarningsNotAsErrors>`, or
  `<TwelveFactorPolicy>audit</TwelveFactorPolicy>` for every rule.
""")
    ids = ";".join(r[0] for r in RULES)
    open(os.path.join(root, "sdk/TwelveFactor.Sdk/targets/TwelveFactor.RuleIds.props"), "w").write(f"""<Project>
  <!-- Generated by eng/catalog/rules.py from the rule catalogue: every id the SDK can report. -->
  <PropertyGroup>
    <TwelveFactorRuleIds>{ids}</TwelveFactorRuleIds>
  </PropertyGroup>
</Project>
""")
    # The README's rule table, between its markers.
    readme_path = os.path.join(root, "README.md")
    readme = open(readme_path).read()
    begin, end = "<!-- rules:begin -->", "<!-- rules:end -->"
    if begin in readme and end in readme:
        rows = ["| Rule | Factor | Title | Default severity |", "|---|---|---|---|"]
        for rid, factor, sev, title, msg, fix, why in RULES:
            rows.append(f"| [{rid}](docs/rules/{rid}.md) | {ROMAN[factor] if factor else 'engine'} | {title} | {sev} |")
        head, rest = readme.split(begin, 1)
        _, tail = rest.split(end, 1)
        open(readme_path, "w").write(head + begin + "\n" + "\n".join(rows) + "\n" + end + tail)
    print("rules:", len(RULES))
