using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>How a secret is shown and remembered without being written anywhere.</summary>
public static class Redaction
{
    /// <summary>
    /// The public prefix (when the kind has one: "ghp_", "AKIA", "sk_live_"), a mask, and the length.
    /// </summary>
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

        return shown + "*** (" + secret.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }

    /// <summary>A stable identity for the secret: a hash, so that rotating the value makes it a new finding.</summary>
    public static string Hash(string secret)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("TwelveFactor.Sdk secret\n" + secret));
        return Convert.ToHexString(digest, 0, 12).ToLowerInvariant();
    }
}
