namespace TfService.Core.Configuration;

/// <summary>
/// Reads the service's settings from environment variables (factor III). Every problem is collected, so that one
/// failed start names all the variables to fix; a value is never echoed, since it may be a secret.
/// </summary>
public sealed class SettingsReader(Func<string, string?> lookup)
{
    private readonly List<SettingProblem> _problems = [];

    public static SettingsReader FromEnvironment() => new(Environment.GetEnvironmentVariable);

    public IReadOnlyList<SettingProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    /// <summary>A variable that must be set; <paramref name="parse"/> throws <see cref="FormatException"/> to reject it.</summary>
    public T Required<T>(string variable, string expected, Func<string, T> parse)
    {
        var text = lookup(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            _problems.Add(new SettingProblem(variable, $"is not set: expected {expected}"));
            return default!;
        }
        return Parse(variable, text, expected, parse, default!);
    }

    /// <summary>A variable with a default used when it is not set.</summary>
    public T Optional<T>(string variable, T fallback, string expected, Func<string, T> parse)
    {
        var text = lookup(variable);
        return string.IsNullOrWhiteSpace(text) ? fallback : Parse(variable, text, expected, parse, fallback);
    }

    private T Parse<T>(string variable, string text, string expected, Func<string, T> parse, T fallback)
    {
        try
        {
            return parse(text.Trim());
        }
        catch (FormatException e)
        {
            _problems.Add(new SettingProblem(variable, $"is invalid: {e.Message} (expected {expected})"));
            return fallback;
        }
    }
}

public sealed record SettingProblem(string Variable, string Reason)
{
    public override string ToString() => $"{Variable} {Reason}";
}
