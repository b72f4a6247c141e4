using System.Security.Cryptography;
using System.Text;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// A Dockerfile that builds the service: every FROM pinned by digest (TF0204), a label naming the release on
/// the final stage (TF0505), a non-root USER in the final stage (TF0901), and no credentials written into ENV or
/// ARG (TF0303).
/// </summary>
public static class DockerfileRule
{
    /// <summary>Labels that tie an image to its release: the OCI revision (commit) or version, or the SDK's own.</summary>
    private static readonly string[] ReleaseLabels = { "org.opencontainers.image.revision", "org.opencontainers.image.version", "io.twelvefactor.release" };

    /// <summary>The findings for a Dockerfile on disk; TF0003 when it cannot be read or is too large to check.</summary>
    public static IReadOnlyList<Finding> CheckFile(string file)
    {
        var unreadable = new List<Finding>();
        return InputFile.ReadTextOrReport(file, unreadable) is { } text ? Check(file, text).ToList() : unreadable;
    }

    public static IEnumerable<Finding> Check(string file, string text)
    {
        var instructions = Dockerfile.Parse(text);
        var globalArgs = instructions.TakeWhile(i => i.Keyword != "FROM").Where(i => i.Keyword == "ARG")
            .SelectMany(Dockerfile.Assignments).Where(a => a.Value is not null)
            .GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value!, StringComparer.Ordinal);
        var stages = new List<(DockerfileInstruction From, string Image, string? Name)>();
        var findings = new List<Finding>();

        foreach (var instruction in instructions)
        {
            switch (instruction.Keyword)
            {
                case "FROM":
                    var (image, name) = FromArguments(instruction.Arguments);
                    var parent = stages.FirstOrDefault(s => s.Name is not null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
                    stages.Add((instruction, image, name));
                    if (parent.Name is not null || image.Equals("scratch", StringComparison.OrdinalIgnoreCase))
                    {
                        break;
                    }

                    var resolved = Dockerfile.Expand(image, globalArgs);
                    if (!resolved.Contains('$') && ImageReference.TryParse(resolved, out var reference) && !reference.IsPinned)
                    {
                        findings.Add(Finding.At(RuleIds.UnpinnedBaseImage, At(file, instruction), "FROM " + resolved, resolved, reference.PinnedForm()));
                    }

                    break;
                case "ENV":
                case "ARG":
                    foreach (var (key, value) in Dockerfile.Assignments(instruction))
                    {
                        if (SecretScanner.ScanVariable(key, value) is { } kind)
                        {
                            findings.Add(Finding.At(RuleIds.Secret, At(file, instruction), instruction.Keyword + " " + key, kind, Path.GetFileName(file), $"{instruction.Keyword} {key}"));
                        }
                    }

                    break;
            }
        }

        if (stages.Count > 0)
        {
            var finalChain = FinalStageChain(stages);
            findings.AddRange(CheckFinalUser(file, instructions, stages, finalChain));
            findings.AddRange(CheckReleaseLabel(file, instructions, stages, finalChain));
        }

        return findings;
    }

    /// <summary>The final stage and the stages of this file it is built FROM, in that order: what the image inherits.</summary>
    private static IReadOnlyList<int> FinalStageChain(List<(DockerfileInstruction From, string Image, string? Name)> stages)
    {
        var chain = new List<int>();
        var stage = stages.Count - 1;
        while (stage >= 0 && !chain.Contains(stage))
        {
            chain.Add(stage);
            var image = stages[stage].Image;
            var parent = stages.FindIndex(s => s.Name is not null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
            stage = parent >= 0 && parent < stage ? parent : -1;
        }

        return chain;
    }

    private static IEnumerable<Finding> CheckFinalUser(string file, IReadOnlyList<DockerfileInstruction> instructions,
        List<(DockerfileInstruction From, string Image, string? Name)> stages, IReadOnlyList<int> finalChain)
    {
        foreach (var stage in finalChain)
        {
            var user = instructions.LastOrDefault(i => i.Stage == stage && i.Keyword == "USER");
            if (user is null)
            {
                continue;
            }

            if (ContainerUsers.IsRoot(Dockerfile.Words(user.Arguments).FirstOrDefault()))
            {
                yield return Finding.At(RuleIds.RunsAsRoot, At(file, user), "USER",
                    $"The final stage of '{Path.GetFileName(file)}' sets 'USER {user.Arguments}', so the container runs as root");
            }

            yield break;
        }

        var final = stages[^1].From;
        yield return Finding.At(RuleIds.RunsAsRoot, At(file, final), "USER",
            $"The final stage of '{Path.GetFileName(file)}' (FROM {stages[^1].Image}) sets no USER, so the container runs as the base image's default user, root");
    }

    /// <summary>TF0505: no LABEL in the final stage (or a stage it is built from) names the revision or version.</summary>
    private static IEnumerable<Finding> CheckReleaseLabel(string file, IReadOnlyList<DockerfileInstruction> instructions,
        List<(DockerfileInstruction From, string Image, string? Name)> stages, IReadOnlyList<int> finalChain)
    {
        var labelled = instructions.Any(i => i.Keyword == "LABEL" && finalChain.Contains(i.Stage) &&
            Dockerfile.Assignments(i).Any(a => ReleaseLabels.Contains(a.Key, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(a.Value)));
        if (!labelled)
        {
            yield return Finding.At(RuleIds.UnlabelledDockerfileRelease, At(file, stages[^1].From), "LABEL",
                Path.GetFileName(file), stages[^1].Image);
        }
    }

    private static (string Image, string? Name) FromArguments(string arguments)
    {
        var words = Dockerfile.Words(arguments).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var image = words.FirstOrDefault() ?? "";
        var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        return (image, name);
    }


    private static SourceLocation At(string file, DockerfileInstruction instruction) => new(file, instruction.Line, instruction.Column);
}
