using System.Globalization;

namespace TfService.Core.Configuration;

/// <summary>Parsers for <see cref="SettingsReader"/>: each throws <see cref="FormatException"/> saying what is wrong.</summary>
public static class SettingParsers
{
    public static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException("not a TCP port number");

    public static TimeSpan PositiveSeconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 24 * 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException("not a positive number of seconds");

    public static string Text(string text) => text;
}
