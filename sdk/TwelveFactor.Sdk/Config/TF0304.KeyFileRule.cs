using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Config;

/// <summary>TF0304: a key or credential file (.pfx, id_rsa, a PEM private key) copied to an output.</summary>
public static class KeyFileRule
{
    public static Finding? Check(ConfigItem item, Func<SourceLocation> location, Func<string, string?> readText)
    {
        var name = Path.GetFileName(item.FullPath);
        return ConfigFiles.IsKeyFile(item.FullPath, readText)
            ? Finding.At(RuleIds.KeyFileInOutput, location(), name, name, ConfigItem.Describe(item.Outputs))
            : null;
    }
}
