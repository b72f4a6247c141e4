namespace TwelveFactor.Sdk.Knowledge;

public static class ContainerUsers
{
    /// <summary>root by name or uid, alone or with a group (root, 0, 0:0, root:app); an empty user is the image's default, root.</summary>
    public static bool IsRoot(string? user)
    {
        var name = (user ?? "").Trim();
        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name[..colon];
        }

        return name.Length == 0 || name == "0" || name.Equals("root", StringComparison.Ordinal);
    }
}
