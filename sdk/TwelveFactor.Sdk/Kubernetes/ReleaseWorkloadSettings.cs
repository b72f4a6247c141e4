using System.Globalization;
using TwelveFactor.Sdk.Knowledge;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Kubernetes;

/// <summary>
/// Reads the MSBuild settings of the manifests (text, as MSBuild passes them) into a <see cref="ReleaseWorkload"/>,
/// collecting every invalid value instead of stopping at the first.
/// </summary>
public sealed class ReleaseWorkloadSettings
{
    private readonly List<(string Setting, string Value, string Expected)> _problems = new();

    /// <summary>Each invalid setting: its name, its value and what was expected.</summary>
    public IReadOnlyList<(string Setting, string Value, string Expected)> Problems => _problems;

    public int WholeNumber(string setting, string? text, int fallback, int minimum, int maximum)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        _problems.Add((setting, text, $"a whole number from {minimum} to {maximum}"));
        return fallback;
    }

    /// <summary>A probe path: the default when unset, null for 'none'.</summary>
    public string? ProbePath(string setting, string? text, string fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var path = text.Trim();
        if (path.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (path.StartsWith('/') && !path.Any(char.IsWhiteSpace))
        {
            return path;
        }

        _problems.Add((setting, text, "an absolute path such as /healthz, or none"));
        return fallback;
    }

    /// <summary>A five-field cron schedule (minute hour day month weekday), or a macro such as @daily.</summary>
    public string? Schedule(string command, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var schedule = text.Trim();
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var isMacro = fields.Length == 1 && schedule is "@yearly" or "@annually" or "@monthly" or "@weekly" or "@daily" or "@midnight" or "@hourly";
        var isCron = fields.Length == 5 && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or ',' or '-' or '/' or '?'));
        if (isMacro || isCron)
        {
            return string.Join(' ', fields);
        }

        _problems.Add(($"TwelveFactorAdminCommand '{command}' Schedule", text, "a cron schedule of five fields (for example '0 3 * * *') or @daily, @hourly, ..."));
        return null;
    }

    /// <summary>A numeric image user (uid or uid:gid), or null when the image names its user or sets none.</summary>
    public static long? NumericUser(string? user)
    {
        var uid = (user ?? "").Split(':')[0].Trim();
        return long.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>registry/repository@digest, or the first tag when the image has no digest.</summary>
    public static string ImageReference(string registry, string repository, string digest, IReadOnlyList<string> tags)
    {
        var name = registry.Length > 0 ? registry.TrimEnd('/') + "/" + repository : repository;
        if (digest.Length > 0)
        {
            return name + "@" + digest;
        }

        return tags.Count > 0 ? name + ":" + tags[0] : name;
    }

    public static bool IsKnownProcessType(string processType) => ProcessTypes.IsKnown(processType);
}
