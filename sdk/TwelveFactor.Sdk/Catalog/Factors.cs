namespace TwelveFactor.Sdk.Catalog;

/// <summary>The twelve factors' names and numerals; factor 0 is the engine's own diagnostics.</summary>
public static class Factors
{
    private static readonly string[] Names =
    {
        "Engine", "Codebase", "Dependencies", "Config", "Backing services", "Build, release, run", "Processes",
        "Port binding", "Concurrency", "Disposability", "Dev/prod parity", "Logs", "Admin processes",
    };

    private static readonly string[] Numerals = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII" };

    public const int Count = 12;

    public static string Name(int factor) => factor >= 0 && factor < Names.Length ? Names[factor] : "Unknown";

    public static string Roman(int factor) => factor >= 0 && factor < Numerals.Length ? Numerals[factor] : "?";
}
