namespace TwelveFactor.Sdk.Config;

/// <summary>
/// One value a config file sets, where it is written. <see cref="KeyPath"/> uses .NET configuration's form
/// ("ConnectionStrings:Default", "Urls:0"); it is empty for a line no key could be read from.
/// </summary>
public sealed class ConfigValue
{
    public ConfigValue(string keyPath, string text, int line, int column)
    {
        KeyPath = keyPath;
        Text = text;
        Line = line;
        Column = column;
    }

    public string KeyPath { get; }

    public string Text { get; }

    /// <summary>1-based line of the value's first character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the value's first character.</summary>
    public int Column { get; }

    /// <summary>
    /// The file column of the character at <paramref name="offset"/> in <see cref="Text"/> (exact unless an escape
    /// sequence in a JSON string comes before it).
    /// </summary>
    public int ColumnOf(int offset) => Column + offset;

    /// <summary>The last segment of the key path, the name a reader sees: "Password" in "Db:Password".</summary>
    public string KeyName
    {
        get
        {
            var colon = KeyPath.LastIndexOf(':');
            var name = colon < 0 ? KeyPath : KeyPath.Substring(colon + 1);
            // An array element is named by its parent: "Keys:0" reads as "Keys".
            if (name.Length > 0 && name.All(char.IsDigit) && colon > 0)
            {
                var parent = KeyPath.Substring(0, colon);
                var previous = parent.LastIndexOf(':');
                return previous < 0 ? parent : parent.Substring(previous + 1);
            }

            return name;
        }
    }
}
