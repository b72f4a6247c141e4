using Microsoft.Build.Framework;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Tasks;

/// <summary>Writes the global analyzer config for the project's policy level (see <see cref="AnalyzerConfig"/>).</summary>
public sealed class WriteTwelveFactorAnalyzerConfig : PolicyTask
{
    [Required]
    public string ConfigFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var directory = Path.GetDirectoryName(ConfigFile);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        FileWriting.WriteIfChanged(ConfigFile, System.Text.Encoding.UTF8.GetBytes(AnalyzerConfig.Create(PolicyLevel)));
    }
}
