using System.Security.Cryptography;
using System.Text;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// A Dockerfile kept beside the service: every FROM pinned by digest (TF0204), a non-root USER in the final
/// stage (TF0901), and no credentials written into ENV or ARG (TF0303).
/// </summary>
public static class DockerfileRule
{
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

                    var resolved = Substitute(image, globalArgs);
                    if (!resolved.Contains('$') && ImageReference.TryParse(resolved, out var reference) && !reference.IsPinned)
                    {
                        findings.Add(Finding.At(RuleIds.UnpinnedBaseImage, At(file, instruction), "FROM " + resolved, resolved, reference.PinnedForm()));
                    }

                    break;
                case "ENV":
                case "ARG":
                    foreach (var (key, value) in Dockerfile.Assignments(instruction))
                    {
                        if (SecretNames.OfVariable(key, value) is { } kind)
                        {
                            findings.Add(Finding.At(RuleIds.Secret, At(file, instruction), Hash(value!), kind, Path.GetFileName(file), $"{instruction.Keyword} {key}"));
                        }
                    }

                    break;
            }
        }

        if (stages.Count > 0)
        {
            findings.AddRange(CheckFinalUser(file, instructions, stages));
        }

        return findings;
    }

    private static IEnumerable<Finding> CheckFinalUser(string file, IReadOnlyList<DockerfileInstruction> instructions,
        List<(DockerfileInstruction From, string Image, string? Name)> stages)
    {
        // The final stage inherits the user of the stage it is built FROM, so walk that chain back.
        var stage = stages.Count - 1;
        var visited = new HashSet<int>();
        while (visited.Add(stage))
        {
            var user = instructions.LastOrDefault(i => i.Stage == stage && i.Keyword == "USER");
            if (user is not null)
            {
                if (ContainerUsers.IsRoot(Dockerfile.Words(user.Arguments).FirstOrDefault()))
                {
                    yield return Finding.At(RuleIds.RunsAsRoot, At(file, user), "USER",
                        $"The final stage of '{Path.GetFileName(file)}' sets 'USER {user.Arguments}', so the container runs as root");
                }

                yield break;
            }

            var image = stages[stage].Image;
            var parent = stages.FindIndex(s => s.Name is not null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
            if (parent < 0 || parent >= stage)
            {
                break;
            }

            stage = parent;
        }

        var final = stages[^1].From;
        yield return Finding.At(RuleIds.RunsAsRoot, At(file, final), "USER",
            $"The final stage of '{Path.GetFileName(file)}' (FROM {stages[^1].Image}) sets no USER, so the container runs as the base image's default user, root");
    }

    private static (string Image, string? Name) FromArguments(string arguments)
    {
        var words = Dockerfile.Words(arguments).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var image = words.FirstOrDefault() ?? "";
        var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        return (image, name);
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> args)
    {
        foreach (var (key, value) in args)
        {
            text = text.Replace("${" + key + "}", value).Replace("$" + key, value);
        }

        return text;
    }

    private static SourceLocation At(string file, DockerfileInstruction instruction) => new(file, instruction.Line, instruction.Column);

    private static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 8).ToLowerInvariant();
}
