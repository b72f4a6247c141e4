namespace TwelveFactor.Sdk.Policy;

/// <summary>The project-wide level set by the TwelveFactorPolicy property.</summary>
public enum PolicyLevel
{
    /// <summary>Findings break the build where the factor is unambiguous (each rule's default severity).</summary>
    Recommended,

    /// <summary>Every finding breaks the build.</summary>
    Strict,

    /// <summary>Nothing breaks the build; every finding is a warning.</summary>
    Audit,
}

public static class PolicyLevels
{
    public const string AllowedValues = "strict, recommended, audit";

    public static bool TryParse(string? value, out PolicyLevel level)
    {
        switch ((value ?? "").Trim().ToLowerInvariant())
        {
            case "":
            case "recommended":
                level = PolicyLevel.Recommended;
                return true;
            case "strict":
                level = PolicyLevel.Strict;
                return true;
            case "audit":
                level = PolicyLevel.Audit;
                return true;
            default:
                level = PolicyLevel.Recommended;
                return false;
        }
    }
}
