using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>A PEM private key block found in a text: where its header starts and what it holds.</summary>
public sealed record PrivateKeyBlock(int Offset, int Length, string Header, string Body);

/// <summary>
/// Finds PEM private keys, on their own lines or inside a string value with \n escapes (a GCP service account
/// file). A header followed by no key material ("-----BEGIN PRIVATE KEY-----\n...") is an example, not a key.
/// </summary>
public static partial class PrivateKeys
{
    private static readonly Regex Header = HeaderPattern();

    /// <summary>Key material this short is an elision, not a key.</summary>
    private const int MinimumBodyLength = 40;

    public static bool ContainsPrivateKey(string text) => Find(text).Any();

    public static IEnumerable<PrivateKeyBlock> Find(string text)
    {
        if (text.IndexOf("PRIVATE KEY", StringComparison.Ordinal) < 0)
        {
            yield break;
        }

        foreach (Match match in Header.Matches(text))
        {
            var body = BodyAfter(text, match.Index + match.Length);
            if (body.Length >= MinimumBodyLength)
            {
                yield return new PrivateKeyBlock(match.Index, match.Length, match.Groups["type"].Value, body);
            }
        }
    }

    /// <summary>The base64 characters after the header, up to the END line, across escaped or real line breaks.</summary>
    private static string BodyAfter(string text, int start)
    {
        var end = text.IndexOf("-----END", start, StringComparison.Ordinal);
        var limit = end < 0 ? Math.Min(text.Length, start + 4096) : end;
        var body = new System.Text.StringBuilder();
        for (var i = start; i < limit; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < limit && text[i + 1] is 'n' or 'r')
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is '+' or '/' or '=')
            {
                body.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c is not ('"' or '\'' or '|' or ':' or ','))
            {
                // Proc-Type/DEK-Info headers of an encrypted key are letters, digits and these.
                if (c is not ('-' or '.'))
                {
                    break;
                }
            }
        }

        return body.ToString();
    }

    [GeneratedRegex(@"-----BEGIN (?<type>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HeaderPattern();
}
