using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Containers;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>Checks the Dockerfile a service keeps beside its project (TF0204, TF0901, TF0303); see <see cref="DockerfileRule"/>.</summary>
public sealed class CheckDockerfile : PolicyCheckTask
{
    public string? Dockerfile { get; set; }

    protected override IEnumerable<Finding> Check()
    {
        if (string.IsNullOrEmpty(Dockerfile) || !File.Exists(Dockerfile))
        {
            return Array.Empty<Finding>();
        }

        string text;
        try
        {
            text = File.ReadAllText(Dockerfile!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new[] { Finding.At(RuleIds.UnreadableFile, SourceLocation.WholeFile(Dockerfile!), Dockerfile!, Dockerfile + ": " + ex.Message) };
        }

        return DockerfileRule.Check(Dockerfile!, text).ToList();
    }
}
