namespace TwelveFactor.Sdk.Policy;

public static partial class Fingerprint
{
    /// <summary>Fingerprints for the engine's findings (see <see cref="Assign{T}"/>).</summary>
    public static IReadOnlyList<FingerprintedFinding> Assign(IEnumerable<Finding> findings, string baseDirectory) =>
        Assign(findings, baseDirectory, f => new FingerprintSubject(f.RuleId, f.File, f.Line, f.Column, f.FingerprintKey))
            .Select(a => new FingerprintedFinding(a.Item, a.RelativeFile, a.Fingerprint))
            .ToList();
}

public sealed record FingerprintedFinding(Finding Finding, string RelativeFile, string Fingerprint);
