using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.Config;

/// <summary>
/// Where to point a finding about an item: the line that declares it when the project or one of its own
/// imports does, otherwise the file itself (an item the .NET SDK adds by default has no line to edit).
/// </summary>
public sealed class ItemLocations
{
    private readonly string _ownRoot;

    /// <param name="ownRoot">Files under this folder are the project's own (the repository root, or the project folder).</param>
    public ItemLocations(string ownRoot) => _ownRoot = ownRoot;

    public SourceLocation Of(ConfigItem item, string projectFile)
    {
        // Targets that re-create items (resource splitting for EmbeddedResource) become their defining file,
        // so the project file is searched too.
        foreach (var file in new[] { item.DefiningFile, projectFile }.Distinct(StringComparer.Ordinal))
        {
            if (file.Length > 0 && File.Exists(file) && PathDisplay.IsUnder(file, _ownRoot) &&
                ProjectXml.FindItem(file, item.ItemType, item.Identity) is { } element)
            {
                return element.Location;
            }
        }

        return SourceLocation.WholeFile(item.FullPath);
    }
}
