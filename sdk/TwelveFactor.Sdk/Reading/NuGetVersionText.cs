namespace TwelveFactor.Sdk.Reading;

/// <summary>Reads NuGet version text for what factor II cares about: does it pin one version?</summary>
public static class NuGetVersionText
{
    /// <summary>
    /// True for floating versions (any '*': "*", "1.*", "1.0.*-*") and ranges without an upper bound
    /// ("[1.0,)", "(1.0,)"). A bare version ("1.2.3") is NuGet's usual form, pinned by the lock file, and an
    /// exact ("[1.2.3]") or bounded range is not open-ended.
    /// </summary>
    public static bool IsFloatingOrOpenEnded(string? version)
    {
        var text = (version ?? "").Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Contains('*'))
        {
            return true;
        }

        if (text[0] is '[' or '(')
        {
            var comma = text.IndexOf(',');
            if (comma < 0)
            {
                return false;
            }

            var upper = text.Substring(comma + 1).TrimEnd(']', ')').Trim();
            return upper.Length == 0;
        }

        return false;
    }
}
