using System.Text.RegularExpressions;
using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;
using TwelveFactor.Sdk.Reading;

namespace TwelveFactor.Sdk.ShippedConfig;

/// <summary>
/// TF1101 in shipped logging config: Serilog WriteTo File/RollingFile (array, object and Async-wrapped forms),
/// NLog file targets (nlog.config or the "NLog" section of appsettings) and log4net file appenders.
/// Console sinks, and file sinks that are commented out, are not reported.
/// </summary>
public static class FileLoggingConfigRule
{
    private static readonly HashSet<string> SerilogFileSinks = new(StringComparer.OrdinalIgnoreCase) { "File", "RollingFile", "RollingFileAlternate" };

    // Serilog:WriteTo:0:Name, Serilog:WriteTo:0:Args:configure:0:Name (Async), Serilog:WriteTo:FileSink:Name.
    private static readonly Regex SerilogSinkName = new(@"^Serilog:WriteTo(:[^:]+)+:Name$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // Serilog's object form with a bare sink name: "WriteTo": { "ToFile": "File" }.
    private static readonly Regex SerilogSinkShorthand = new(@"^Serilog:WriteTo:[^:]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex NLogTargetType = new(@"^NLog:targets(:[^:]+)+:type$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static IEnumerable<Finding> Check(ShippedConfigFile file, IEnumerable<ConfigEntry> entries)
    {
        foreach (var entry in entries.Where(e => e.Kind == ConfigValueKind.String))
        {
            var isSerilogFile = (SerilogSinkName.IsMatch(entry.Path) || SerilogSinkShorthand.IsMatch(entry.Path)) && SerilogFileSinks.Contains(entry.Value.Trim());
            var isNLogFile = NLogTargetType.IsMatch(entry.Path) && entry.Value.Trim().Equals("File", StringComparison.OrdinalIgnoreCase);
            if (isSerilogFile || isNLogFile)
            {
                yield return Finding.At(RuleIds.FileLogging, entry.LocationIn(file.Path), entry.Path,
                    "The setting '" + entry.Path + "'", entry.Value.Trim());
            }
        }
    }

    public static IEnumerable<Finding> Check(ShippedConfigFile file, ConfigXml xml)
    {
        foreach (var target in xml.Elements("target").Where(t => t.Attribute("type").Trim().Equals("File", StringComparison.OrdinalIgnoreCase)))
        {
            var name = target.Attribute("name");
            yield return Finding.At(RuleIds.FileLogging, target.LocationIn(file.Path), "nlog|" + name,
                "NLog target '" + name + "'", "xsi:type=\"File\"");
        }

        foreach (var appender in xml.Elements("appender"))
        {
            var type = appender.Attribute("type").Split(',')[0].Trim();
            if (type.EndsWith("FileAppender", StringComparison.OrdinalIgnoreCase))
            {
                var name = appender.Attribute("name");
                yield return Finding.At(RuleIds.FileLogging, appender.LocationIn(file.Path), "log4net|" + name,
                    "log4net appender '" + name + "'", type);
            }
        }
    }
}
