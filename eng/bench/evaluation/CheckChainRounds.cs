using System.Diagnostics;
using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

/// <summary>
/// The check chain of a no-op build, alone: every project of one or more folders of TwelveFactor.Sdk projects (built
/// before, so that every check is up to date) is evaluated, then asked for TwelveFactorCheck in one build session,
/// and only that request is timed. Prints the milliseconds per project of each folder, and each target's share.
/// Two folders are two copies of a solution with the package's targets edited in one of them: the rounds alternate,
/// so the difference between them is the edit's.
/// </summary>
internal static class CheckChainRounds
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], out int rounds) || rounds < 2)
        {
            Console.Error.WriteLine("usage: EvaluationBench checks ROUNDS FOLDER [FOLDER...]");
            return 2;
        }
        string[] folders = args[1..].Select(Path.GetFullPath).ToArray();
        var projects = folders.Select(Projects.In).ToArray();
        var perProject = folders.Select(_ => new List<double>()).ToArray();
        var targets = folders.Select(_ => new TargetTimes()).ToArray();
        const int warmUp = 2;
        for (int round = -warmUp; round < rounds; round++)
        {
            var order = Enumerable.Range(0, folders.Length);
            foreach (int side in round % 2 == 0 ? order : order.Reverse())
            {
                var logger = round >= 0 ? targets[side] : new TargetTimes();
                double milliseconds = CheckAll(folders[side], projects[side], logger);
                if (round >= 0)
                {
                    perProject[side].Add(milliseconds / projects[side].Length);
                }
            }
        }
        for (int side = 0; side < folders.Length; side++)
        {
            Console.WriteLine($"folder\t{folders[side]}\t{Projects.Median(perProject[side]):F3}\t{projects[side].Length}");
            foreach (var (target, total) in targets[side].Totals.OrderByDescending(t => t.Value))
            {
                Console.WriteLine($"target\t{target}\t{total / rounds / projects[side].Length:F3}");
            }
        }
        return 0;
    }

    private static double CheckAll(string folder, string[] projects, TargetTimes logger)
    {
        using var collection = new ProjectCollection();
        var context = EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared);
        // As a solution build sets them: the Kubernetes checks look for manifests beside the solution.
        var properties = new Dictionary<string, string> { ["SolutionDir"] = folder + Path.DirectorySeparatorChar, ["Configuration"] = "Debug" };
        var instances = projects
            .Select(path => ProjectInstance.FromFile(path, new ProjectOptions { GlobalProperties = properties, ProjectCollection = collection, EvaluationContext = context }))
            .ToArray();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var manager = BuildManager.DefaultBuildManager;
        manager.BeginBuild(new BuildParameters(collection) { Loggers = [logger], MaxNodeCount = 1 });
        var stopwatch = new Stopwatch();
        try
        {
            foreach (var instance in instances)
            {
                // The project's first request pays for setting it up in the session: not the chain's.
                manager.BuildRequest(new BuildRequestData(instance, ["GetTargetPath"]));
                stopwatch.Start();
                var result = manager.BuildRequest(new BuildRequestData(instance, ["TwelveFactorCheck"]));
                stopwatch.Stop();
                if (result.OverallResult != BuildResultCode.Success)
                {
                    throw new InvalidOperationException($"TwelveFactorCheck failed in {instance.FullPath}: build it once, and fix its findings, first.");
                }
            }
        }
        finally
        {
            manager.EndBuild();
        }
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Each of the SDK's targets' time from its start to its end, summed by name (the chain's targets do not nest);
    /// not the targets of the project's first request.
    /// </summary>
    private sealed class TargetTimes : ILogger
    {
        private readonly Dictionary<(int Project, int Target), DateTime> _started = new();

        public Dictionary<string, double> Totals { get; } = new();

        public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Normal;

        public string? Parameters { get; set; }

        public void Initialize(IEventSource eventSource)
        {
            eventSource.TargetStarted += (_, e) => _started[Key(e.BuildEventContext)] = e.Timestamp;
            eventSource.TargetFinished += (_, e) =>
            {
                if (_started.Remove(Key(e.BuildEventContext), out var start) && e.TargetName.Contains("TwelveFactor", StringComparison.Ordinal))
                {
                    Totals[e.TargetName] = Totals.GetValueOrDefault(e.TargetName) + (e.Timestamp - start).TotalMilliseconds;
                }
            };
        }

        public void Shutdown()
        {
        }

        private static (int, int) Key(BuildEventContext? context) => (context?.ProjectContextId ?? 0, context?.TargetId ?? 0);
    }
}
