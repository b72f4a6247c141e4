using System.Text;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>The credential an HTTP Authorization value carries: its kind, and where it starts in the value.</summary>
public sealed record AuthorizationCredential(string Kind, string Secret, int Offset);

/// <summary>
/// Credentials written as an HTTP Authorization value, in a request file's header or a setting:
/// <c>Bearer &lt;token&gt;</c> with a token that reads as random, and <c>Basic &lt;base64 of user:password&gt;</c>
/// (or <c>Basic user:password</c> and <c>Basic user password</c>, which request-file clients encode themselves).
/// A variable reference (<c>{{token}}</c>), a placeholder (<c>&lt;your-token&gt;</c>) or a scheme named alone
/// ("Bearer") is not a credential.
/// </summary>
public static class AuthorizationCredentials
{
    public const string BearerKind = "bearer token";

    public const string BasicKind = "Basic credentials";

    /// <summary>
    /// The credential in <paramref name="value"/>, or null. <paramref name="isHeader"/>: the value is an Authorization
    /// header's, where "Basic user password" is a credential too; in any other setting two words after "Basic"
    /// are more likely a sentence.
    /// </summary>
    public static AuthorizationCredential? In(string value, bool isHeader = false)
    {
        var text = value.TrimEnd();
        var start = text.Length - text.TrimStart().Length;
        if (StartsWithWord(text, start, "Authorization:"))
        {
            start += "Authorization:".Length;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        if (StartsWithWord(text, start, "Bearer "))
        {
            return Bearer(text, SkipSpaces(text, start + "Bearer ".Length));
        }

        if (StartsWithWord(text, start, "Basic "))
        {
            return Basic(text, SkipSpaces(text, start + "Basic ".Length), isHeader);
        }

        return null;
    }

    private static AuthorizationCredential? Bearer(string text, int offset)
    {
        var token = text.Substring(offset);
        // A token is one word; "Bearer token is required" is a sentence about one.
        if (IsReference(token) || !SecretScanner.LooksRandom(token))
        {
            return null;
        }

        return new AuthorizationCredential(BearerKind, token, offset);
    }

    private static AuthorizationCredential? Basic(string text, int offset, bool isHeader)
    {
        var credential = text.Substring(offset);
        if (credential.Length == 0 || Placeholders.IsPlaceholder(credential))
        {
            return null;
        }

        var password = PasswordOf(credential, isHeader);
        if (password is null)
        {
            return null;
        }

        password = password.Trim();
        return password.Length == 0 || IsReference(password) || Placeholders.IsPlaceholder(password)
            ? null
            : new AuthorizationCredential(BasicKind, credential, offset);
    }

    /// <summary>The password of "user:password", "user password" or their base64 encoding, or null.</summary>
    private static string? PasswordOf(string credential, bool isHeader)
    {
        var colon = credential.IndexOf(':');
        if (colon >= 0)
        {
            return credential.Substring(colon + 1);
        }

        var space = credential.IndexOf(' ');
        if (space >= 0)
        {
            return isHeader && credential.IndexOf(' ', space + 1) < 0 ? credential.Substring(space + 1) : null;
        }

        if (credential.Length % 4 != 0 || credential.Any(c => !(char.IsLetterOrDigit(c) && c < 128) && c is not '+' and not '/' and not '='))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(credential));
            var separator = decoded.IndexOf(':');
            return separator > 0 && decoded.All(c => !char.IsControl(c)) ? decoded.Substring(separator + 1) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A request-file variable ({{token}}, {{$dotenv TOKEN}}) anywhere in it, or a placeholder as a whole.</summary>
    private static bool IsReference(string value) =>
        value.IndexOf("{{", StringComparison.Ordinal) >= 0 || Placeholders.IsPlaceholder(value);

    private static bool StartsWithWord(string text, int start, string word) =>
        string.Compare(text, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static int SkipSpaces(string text, int offset)
    {
        while (offset < text.Length && text[offset] == ' ')
        {
            offset++;
        }

        return offset;
    }
}
