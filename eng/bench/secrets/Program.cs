using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SecretsBench;
using TwelveFactor.Sdk.Knowledge;

// dotnet run -c Release -- [files=400] [seed=3]: generates corpus/, scans it with the SDK's scanner and with
// secretlint (node_modules/.bin/secretlint, preset-recommend), and prints the comparison as a Markdown table.
var here = FindBenchDirectory();
var corpusDirectory = Path.Combine(here, "corpus");
if (args.Length > 0 && args[0] == "scan")
{
    // The scanner as its own process, so that its wall-clock time counts start-up as secretlint's does.
    var count = CorpusFiles(corpusDirectory).Sum(f => SecretScanner.Scan(f, File.ReadAllText(f)).Matches.Count);
    Console.WriteLine(count);
    return count > 0 ? 0 : 1;
}

var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

var labels = Corpus.Generate(corpusDirectory, files, seed);
var corpusFiles = CorpusFiles(corpusDirectory).ToList();
var bytes = corpusFiles.Sum(f => new FileInfo(f).Length);
Console.Error.WriteLine($"corpus: {corpusFiles.Count} files, {bytes / 1024.0:F0} KiB, {labels.Count(l => l.Class == LabelClass.Secret)} secrets, " +
                        $"{labels.Count(l => l.Class == LabelClass.Placeholder)} placeholders, {labels.Count(l => l.Class == LabelClass.LookAlike)} look-alikes");

// Ours, in process: warm up once, then the median CPU time of five full passes (reading the files included).
// CPU time rather than wall-clock: the machine is shared, and CPU time is what contention does not inflate.
List<(string File, int Line)> ours = new();
var inProcess = new List<double>();
for (var run = 0; run < 6; run++)
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var found = new List<(string, int)>();
    foreach (var file in corpusFiles)
    {
        foreach (var match in SecretScanner.Scan(file, File.ReadAllText(file)).Matches)
        {
            found.Add((file, match.Line));
        }
    }

    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    if (run > 0)
    {
        inProcess.Add(cpu);
    }

    ours = found;
}

// Every placeholder or look-alike line reported, named on stderr (they are the corpus's made-up values): what to fix.
var notSecrets = labels.Where(l => l.Class != LabelClass.Secret).ToDictionary(l => (Path.GetFullPath(l.File), l.Line), l => l.Kind);
foreach (var (file, line) in ours.Distinct().Where(f => notSecrets.ContainsKey((Path.GetFullPath(f.File), f.Line))))
{
    Console.Error.WriteLine($"false positive ({notSecrets[(Path.GetFullPath(file), line)]}): {file}({line}): {File.ReadLines(file).Skip(line - 1).First().Trim()}");
}

// Ours as a process (start-up included), and secretlint, the median of three runs each.
var self = Environment.ProcessPath!;
var selfArgs = Environment.GetCommandLineArgs()[0].EndsWith(".dll", StringComparison.Ordinal) ? new[] { Environment.GetCommandLineArgs()[0], "scan" } : new[] { "scan" };
var oursRuns = Enumerable.Range(0, 3).Select(_ => Run(self, selfArgs, here)).ToList();
if (oursRuns.Any(r => r.ExitCode != 0))
{
    Console.Error.WriteLine("the scanner process failed: " + oursRuns[0].Output);
    return 3;
}

var oursProcess = Median(oursRuns.Select(r => r.Seconds));
var oursProcessCpu = Median(oursRuns.Select(r => r.CpuSeconds));

var secretlint = Path.Combine(here, "node_modules", ".bin", "secretlint");
if (!File.Exists(secretlint))
{
    Console.Error.WriteLine("secretlint is not installed: run 'npm ci' in " + here);
    return 2;
}

var relativeFiles = corpusFiles.Select(f => Path.GetRelativePath(here, f)).ToArray();
// Node drops piped output past 64 KiB when secretlint exits: the report goes to a file.
var report = Path.Combine(here, "results", "secretlint.json");
Directory.CreateDirectory(Path.GetDirectoryName(report)!);
var secretlintArgs = new[] { "--format", "json", "--no-color", "--secretlintrc", ".secretlintrc.json", "--output", report }.Concat(relativeFiles).ToArray();
var secretlintRuns = Enumerable.Range(0, 3).Select(_ => Run(secretlint, secretlintArgs, here)).ToList();
var theirs = ParseSecretlint(File.ReadAllText(report), here);

var oursScore = Score.Of(ours, labels);
var theirsScore = Score.Of(theirs, labels);
var megabytes = bytes / 1_000_000.0;
var oursInProcess = Median(inProcess);
var theirsSeconds = Median(secretlintRuns.Select(r => r.Seconds));
var theirsCpu = Median(secretlintRuns.Select(r => r.CpuSeconds));

Console.WriteLine($"Corpus: {corpusFiles.Count} files ({megabytes:F2} MB) in {labels.Select(l => Path.GetExtension(l.File)).Distinct().Count()} formats, " +
                  $"{oursScore.Secrets} planted secrets, {oursScore.Placeholders} placeholders, {oursScore.LookAlikes} look-alikes (seed {seed}).");
Console.WriteLine();
Console.WriteLine("| | TwelveFactor.Sdk scanner | secretlint + preset-recommend |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| Recall (secrets found / planted) | {oursScore.Found}/{oursScore.Secrets} = {oursScore.Recall:P1} | {theirsScore.Found}/{theirsScore.Secrets} = {theirsScore.Recall:P1} |");
Console.WriteLine($"| False positives on placeholders | {oursScore.PlaceholderHits} | {theirsScore.PlaceholderHits} |");
Console.WriteLine($"| False positives on look-alikes | {oursScore.LookAlikeHits} | {theirsScore.LookAlikeHits} |");
Console.WriteLine($"| False positives elsewhere | {oursScore.OtherHits} | {theirsScore.OtherHits} |");
Console.WriteLine($"| CPU time, whole process incl. start-up (median of 3) | {oursProcessCpu:F2} s = {megabytes / oursProcessCpu:F1} MB/s | {theirsCpu:F2} s = {megabytes / theirsCpu:F1} MB/s |");
Console.WriteLine($"| Wall-clock, whole process (median of 3) | {oursProcess:F2} s = {megabytes / oursProcess:F1} MB/s | {theirsSeconds:F2} s = {megabytes / theirsSeconds:F1} MB/s |");
Console.WriteLine($"| CPU time, scan only, in process (median of 5) | {oursInProcess * 1000:F0} ms = {megabytes / oursInProcess:F1} MB/s | n/a |");
Console.WriteLine();
Console.WriteLine($"Throughput ratio (secretlint time / ours): {theirsCpu / oursProcessCpu:F1}x CPU time and {theirsSeconds / oursProcess:F1}x wall-clock per whole process; {theirsCpu / oursInProcess:F0}x against the in-process scan.");
Console.WriteLine();
Console.WriteLine("Recall by kind (ours / secretlint):");
Console.WriteLine();
foreach (var kind in labels.Where(l => l.Class == LabelClass.Secret).Select(l => l.Kind).Distinct().OrderBy(k => k, StringComparer.Ordinal))
{
    Console.WriteLine($"- {kind}: {oursScore.FoundOf(kind)}/{oursScore.CountOf(kind)} / {theirsScore.FoundOf(kind)}/{theirsScore.CountOf(kind)}");
}

return 0;

static IEnumerable<string> CorpusFiles(string directory) =>
    Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "labels.json").OrderBy(f => f, StringComparer.Ordinal);

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted[sorted.Count / 2];
}

/// <summary>Runs a command under bash so that `times` reports its user and system CPU time as well.</summary>
static (double Seconds, string Output, int ExitCode, double CpuSeconds) Run(string fileName, string[] arguments, string directory)
{
    var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add("-c");
    start.ArgumentList.Add("\"$@\" > run.out 2>&1; status=$?; times; exit $status");
    start.ArgumentList.Add("bench");
    start.ArgumentList.Add(fileName);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    var watch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    watch.Stop();
    // times: the shell's own user/system line, then its children's, as "0m1.234s 0m0.056s".
    var children = output.Trim().Split('\n').Last().Split(' ');
    var cpu = children.Sum(t => double.Parse(t.Split('m')[0], CultureInfo.InvariantCulture) * 60 + double.Parse(t.Split('m')[1].TrimEnd('s'), CultureInfo.InvariantCulture));
    var log = Path.Combine(directory, "run.out");
    var text = File.ReadAllText(log);
    File.Delete(log);
    return (watch.Elapsed.TotalSeconds, text, process.ExitCode, cpu);
}

static List<(string File, int Line)> ParseSecretlint(string output, string directory)
{
    var start = output.IndexOf('[');
    using var document = JsonDocument.Parse(output.Substring(start));
    var found = new List<(string, int)>();
    foreach (var result in document.RootElement.EnumerateArray())
    {
        var file = Path.GetFullPath(result.GetProperty("filePath").GetString()!, directory);
        foreach (var message in result.GetProperty("messages").EnumerateArray())
        {
            found.Add((file, message.GetProperty("loc").GetProperty("start").GetProperty("line").GetInt32()));
        }
    }

    return found;
}

static string FindBenchDirectory()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "SecretsBench.csproj")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from eng/bench/secrets.");
}
