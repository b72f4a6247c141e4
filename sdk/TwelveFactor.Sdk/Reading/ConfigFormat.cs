namespace TwelveFactor.Sdk.Reading;

/// <summary>How a config file is written, which decides how its keys and values are read.</summary>
public enum ConfigFormat
{
    /// <summary>Not a config file.</summary>
    None,
    Json,
    Xml,
    Yaml,

    /// <summary>key=value and key: value lines: .env, .ini, .properties, .toml, .conf.</summary>
    KeyValue,
}
