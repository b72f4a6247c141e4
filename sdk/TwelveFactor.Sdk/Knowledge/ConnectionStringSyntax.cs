using System.Collections.Generic;

namespace TwelveFactor.Sdk.Knowledge;

/// <summary>One key=value pair of a connection string; <see cref="ValueStart"/> is where its value starts in the text.</summary>
public readonly struct ConnectionStringPair
{
    public ConnectionStringPair(string key, string value, int valueStart)
    {
        Key = key;
        Value = value;
        ValueStart = valueStart;
    }

    public string Key { get; }

    public string Value { get; }

    public int ValueStart { get; }
}

/// <summary>
/// Connection strings and URLs split the way their drivers split them, so that no part of a password is read as
/// another key or as the address: a quoted value ("a;Server=b", 'x', with a doubled quote for a quote) runs to
/// its closing quote whatever it holds, and a URL's user info runs to the last '@' of its authority
/// (postgres://app:p@ss@db/x is the user app with the password p@ss at db). Shared by the build rules and the
/// analyzer (linked source), so both read a password alike.
/// </summary>
public static class ConnectionStringSyntax
{
    /// <summary>The key=value pairs separated by <paramref name="separator"/>; parts without '=' are skipped.</summary>
    public static List<ConnectionStringPair> Pairs(string text, char separator = ';')
    {
        var pairs = new List<ConnectionStringPair>();
        var at = 0;
        while (at < text.Length)
        {
            while (at < text.Length && (text[at] == separator || char.IsWhiteSpace(text[at])))
            {
                at++;
            }

            var keyStart = at;
            while (at < text.Length && text[at] != '=' && text[at] != separator)
            {
                at++;
            }

            if (at >= text.Length || text[at] == separator)
            {
                continue;
            }

            var key = text.Substring(keyStart, at - keyStart).Trim();
            at++;
            while (at < text.Length && text[at] != separator && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            string value;
            int valueStart;
            if (at < text.Length && (text[at] == '"' || text[at] == '\''))
            {
                var quote = text[at];
                valueStart = at + 1;
                var builder = new System.Text.StringBuilder();
                at++;
                while (at < text.Length)
                {
                    if (text[at] == quote)
                    {
                        if (at + 1 < text.Length && text[at + 1] == quote)
                        {
                            builder.Append(quote);
                            at += 2;
                            continue;
                        }

                        at++;
                        break;
                    }

                    builder.Append(text[at]);
                    at++;
                }

                value = builder.ToString();
                while (at < text.Length && text[at] != separator)
                {
                    at++;
                }
            }
            else
            {
                valueStart = at;
                while (at < text.Length && text[at] != separator)
                {
                    at++;
                }

                value = text.Substring(valueStart, at - valueStart).TrimEnd();
            }

            if (key.Length > 0)
            {
                pairs.Add(new ConnectionStringPair(key, value, valueStart));
            }
        }

        return pairs;
    }

    /// <summary>
    /// Where a URL's authority starts and ends, and the last '@' in it (-1 without user info): what comes
    /// before that '@' is user info, however many '@' it holds. False when the text has no "://".
    /// </summary>
    public static bool TrySplitAuthority(string url, out int authorityStart, out int authorityEnd, out int lastAt)
    {
        authorityStart = authorityEnd = lastAt = -1;
        var separator = url.IndexOf("://", System.StringComparison.Ordinal);
        if (separator <= 0)
        {
            return false;
        }

        authorityStart = separator + 3;
        authorityEnd = url.IndexOfAny(new[] { '/', '?', '#' }, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        lastAt = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return true;
    }

    /// <summary>The URL without its user info: what may be shown of it.</summary>
    public static string WithoutUserInfo(string url) =>
        TrySplitAuthority(url, out var start, out _, out var lastAt) && lastAt >= 0
            ? url.Substring(0, start) + url.Substring(lastAt + 1)
            : url;
}
