namespace TwelveFactor.Sdk.Config;

/// <summary>Where a file's copy goes.</summary>
[Flags]
public enum OutputKinds
{
    None = 0,
    Build = 1,
    Publish = 2,
}

/// <summary>
/// A Content, None or EmbeddedResource item as the config rules see it.
/// </summary>
/// <param name="ItemType">Content, None or EmbeddedResource.</param>
/// <param name="Identity">The item's spec as MSBuild evaluated it (relative to the project as a rule).</param>
/// <param name="FullPath">The file.</param>
/// <param name="DefiningFile">The MSBuild file that declared the item (the project, an import, an SDK file).</param>
/// <param name="CopyToOutputDirectory">Never, PreserveNewest, Always, IfDifferent, or empty.</param>
/// <param name="CopyToPublishDirectory">The same for publish; empty means what CopyToOutputDirectory says, as in the .NET SDK.</param>
public sealed record ConfigItem(
    string ItemType,
    string Identity,
    string FullPath,
    string DefiningFile,
    string CopyToOutputDirectory,
    string CopyToPublishDirectory)
{
    public OutputKinds Outputs
    {
        get
        {
            var outputs = OutputKinds.None;
            if (Copies(CopyToOutputDirectory))
            {
                outputs |= OutputKinds.Build;
            }

            if (CopyToPublishDirectory.Trim().Length > 0 ? Copies(CopyToPublishDirectory) : Copies(CopyToOutputDirectory))
            {
                outputs |= OutputKinds.Publish;
            }

            return outputs;
        }
    }

    public bool IsEmbedded => ItemType.Equals("EmbeddedResource", StringComparison.OrdinalIgnoreCase);

    private static bool Copies(string value)
    {
        var text = value.Trim();
        return text.Length > 0 && !text.Equals("Never", StringComparison.OrdinalIgnoreCase) && !text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public static string Describe(OutputKinds outputs) => outputs switch
    {
        OutputKinds.Build | OutputKinds.Publish => "build and publish",
        OutputKinds.Publish => "publish",
        _ => "build",
    };
}
