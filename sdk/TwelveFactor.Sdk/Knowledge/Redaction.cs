namespace TwelveFactor.Sdk.Knowledge;

/// <summary>
/// How a secret is shown without being written anywhere. Nothing derived from its value leaves the process: no
/// part of it beyond the public prefix that names its kind, no length, no hash (a hash of a weak password is
/// guessed offline from a committed baseline in seconds). A finding is identified by rule, file, key path and
/// occurrence instead (the finding's fingerprint).
/// </summary>
public static class Redaction
{
    /// <summary>The public prefix (when the kind has one: "ghp_", "AKIA", "sk_live_") and a mask.</summary>
    public static string Preview(string secret, string publicPrefix)
    {
        var shown = "";
        if (publicPrefix.Length > 0 && secret.StartsWith(publicPrefix, StringComparison.Ordinal))
        {
            shown = publicPrefix;
            // "gh" names the family; the letter and separator after it ("ghp_") name the token type.
            var separator = secret.IndexOfAny(new[] { '_', '-' }, publicPrefix.Length);
            if (separator >= 0 && separator < publicPrefix.Length + 3 && separator < secret.Length / 3)
            {
                shown = secret.Substring(0, separator + 1);
            }
        }

        return shown + "***";
    }
}
