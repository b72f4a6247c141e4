namespace TwelveFactor.Sdk.Knowledge;

/// <summary>The values of TwelveFactorProcessType.</summary>
public static class ProcessTypes
{
    public const string Web = "web";
    public const string Worker = "worker";
    public const string Admin = "admin";
    public const string AllowedValues = "web, worker, admin";

    public static bool IsKnown(string value) =>
        value.Equals(Web, StringComparison.OrdinalIgnoreCase) ||
        value.Equals(Worker, StringComparison.OrdinalIgnoreCase) ||
        value.Equals(Admin, StringComparison.OrdinalIgnoreCase);
}
