namespace TwelveFactor.Sdk.Containers;

/// <summary>
/// Whether a variable's name and value look like a credential written in clear: a name that says secret
/// (PASSWORD, TOKEN, API_KEY, ...) with a literal value, not a reference to another variable or a placeholder.
/// </summary>
public static class SecretNames
{
    private static readonly (string Fragment, string Kind)[] Fragments =
    {
        ("PASSWORD", "password"), ("PASSWD", "password"), ("_PWD", "password"),
        ("SECRET", "secret"), ("TOKEN", "token"), ("APIKEY", "API key"), ("API_KEY", "API key"),
        ("ACCESS_KEY", "access key"), ("PRIVATE_KEY", "private key"), ("CONNECTIONSTRING", "connection string"),
        ("CONNECTION_STRING", "connection string"), ("CREDENTIAL", "credential"),
    };

    private static readonly string[] Placeholders = { "changeme", "change-me", "<secret>", "xxx", "todo", "none", "null", "false", "true" };

    /// <summary>The kind of secret (password, token, ...) when the pair looks like one; otherwise null.</summary>
    public static string? Classify(string name, string? value)
    {
        var upper = name.ToUpperInvariant().Replace("-", "_").Replace(".", "_").Replace("__", "_");
        var kind = Fragments.FirstOrDefault(f => upper.Contains(f.Fragment)).Kind;
        if (kind is null || upper.EndsWith("_FILE", StringComparison.Ordinal) || upper.EndsWith("_PATH", StringComparison.Ordinal))
        {
            return null;
        }

        var literal = (value ?? "").Trim();
        if (literal.Length == 0 || literal.StartsWith('$') || Placeholders.Contains(literal.ToLowerInvariant()))
        {
            return null;
        }

        return kind;
    }
}
