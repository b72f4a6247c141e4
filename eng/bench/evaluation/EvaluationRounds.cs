using System.Diagnostics;
using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;

/// <summary>
/// Evaluates every project of a baseline folder and of a subject folder, in alternating rounds, and prints the
/// milliseconds per project of each and their difference. Each round of a folder shares one evaluation context,
/// as a build shares its SDK resolutions. Both orders are measured: the folder evaluated second in a round pays for
/// the garbage of the first, so the difference is the mean of the medians of both orders.
/// </summary>
internal static class EvaluationRounds
{
    public static int Run(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[0], out int rounds) || rounds < 2)
        {
            Console.Error.WriteLine("usage: EvaluationBench ROUNDS BASELINE_FOLDER SUBJECT_FOLDER");
            return 2;
        }
        string[][] projects = [Projects.In(args[1]), Projects.In(args[2])];
        var collections = new[] { new ProjectCollection(), new ProjectCollection() };
        var perProject = new[] { new List<double>(), new List<double>() };
        const int warmUp = 2;
        for (int round = -warmUp; round < rounds; round++)
        {
            int[] order = round % 2 == 0 ? [0, 1] : [1, 0];
            foreach (int side in order)
            {
                double milliseconds = EvaluateAll(projects[side], collections[side]);
                if (round >= 0)
                {
                    perProject[side].Add(milliseconds / projects[side].Length);
                }
            }
        }
        // Round r evaluated the baseline first when r is even.
        var differences = perProject[1].Zip(perProject[0], (subject, baseline) => subject - baseline).ToArray();
        double subjectSecond = Projects.Median(differences.Where((_, r) => r % 2 == 0));
        double subjectFirst = Projects.Median(differences.Where((_, r) => r % 2 == 1));
        Console.WriteLine($"baseline\t{Projects.Median(perProject[0]):F2}\t{projects[0].Length}");
        Console.WriteLine($"subject\t{Projects.Median(perProject[1]):F2}\t{projects[1].Length}");
        Console.WriteLine($"difference\t{(subjectSecond + subjectFirst) / 2:F2}\t{subjectFirst:F2}\t{subjectSecond:F2}");
        return 0;
    }

    private static double EvaluateAll(string[] projects, ProjectCollection collection)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var context = EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared);
        foreach (string path in projects)
        {
            var project = Project.FromFile(path, new ProjectOptions { ProjectCollection = collection, EvaluationContext = context });
            collection.UnloadProject(project);
        }
        return stopwatch.Elapsed.TotalMilliseconds;
    }
}
