using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// One violation found by a check, before policy, baseline and MSBuild's switches decide how it is reported.
/// </summary>
/// <param name="RuleId">The catalogue id (TFxxyy).</param>
/// <param name="File">Full path of the file the finding is in; empty when it concerns the project as a whole.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Arguments">The values for the rule's message format. Secrets are redacted before they get here.</param>
/// <param name="FingerprintKey">
/// What identifies the finding within its file, independent of its line: the package id, the setting's key, a
/// hash of a secret. Keeps a baseline entry matching when unrelated lines move.
/// </param>
public sealed record Finding(
    string RuleId,
    string File,
    int Line,
    int Column,
    IReadOnlyList<string> Arguments,
    string FingerprintKey)
{
    public int EndLine { get; init; }

    public int EndColumn { get; init; }

    public static Finding At(string ruleId, SourceLocation location, string fingerprintKey, params string[] arguments) =>
        new(ruleId, location.File, location.Line, location.Column, arguments, fingerprintKey);

    public static Finding InProject(string ruleId, string projectFile, string fingerprintKey, params string[] arguments) =>
        new(ruleId, projectFile, 0, 0, arguments, fingerprintKey);

    /// <summary>TF0003: a file the check needed could not be read; the reason follows its path.</summary>
    public static Finding UnreadableFile(string path, Exception reason, string fingerprintKey, string hint = "") =>
        At(RuleIds.UnreadableFile, SourceLocation.WholeFile(path), fingerprintKey, path + ": " + reason.Message + hint);
}

/// <summary>A place in a file. Line and column are 1-based; 0 means unknown.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);
}
