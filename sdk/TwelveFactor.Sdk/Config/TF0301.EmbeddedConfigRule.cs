using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Config;

/// <summary>TF0301: a config file compiled into the assembly as an EmbeddedResource.</summary>
public static class EmbeddedConfigRule
{
    public static Finding? Check(ConfigItem item, Func<SourceLocation> location)
    {
        var name = Path.GetFileName(item.FullPath);
        return item.IsEmbedded && ConfigFiles.IsConfigFile(item.FullPath)
            ? Finding.At(RuleIds.EmbeddedConfig, location(), name, name)
            : null;
    }
}
