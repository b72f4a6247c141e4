using TwelveFactor.Sdk.Catalog;

namespace TwelveFactor.Sdk.Policy;

/// <summary>
/// Decides how a rule is reported in this project: the rule's default, raised or lowered by the policy level,
/// then by MSBuild's own switches, in the order MSBuild users expect: NoWarn silences, WarningsAsErrors
/// tightens, WarningsNotAsErrors relaxes, TreatWarningsAsErrors promotes what is left (except under audit).
/// </summary>
public sealed class SeverityPolicy
{
    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _warningsAsErrors;
    private readonly HashSet<string> _warningsNotAsErrors;

    public SeverityPolicy(PolicyLevel level, string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors)
    {
        Level = level;
        _noWarn = CodeList(noWarn);
        _warningsAsErrors = CodeList(warningsAsErrors);
        _warningsNotAsErrors = CodeList(warningsNotAsErrors);
        TreatWarningsAsErrors = treatWarningsAsErrors;
    }

    public PolicyLevel Level { get; }

    public bool TreatWarningsAsErrors { get; }

    public static SeverityPolicy Default { get; } = new(PolicyLevel.Recommended, null, null, null, false);

    public RuleSeverity Resolve(Rule rule)
    {
        if (_noWarn.Contains(rule.Id))
        {
            return RuleSeverity.None;
        }

        if (_warningsAsErrors.Contains(rule.Id))
        {
            return RuleSeverity.Error;
        }

        var severity = rule.DefaultSeverity;
        if (!rule.IsEngineDiagnostic)
        {
            severity = Level switch
            {
                PolicyLevel.Strict => RuleSeverity.Error,
                PolicyLevel.Audit => RuleSeverity.Warning,
                _ => severity,
            };
        }

        if (_warningsNotAsErrors.Contains(rule.Id))
        {
            return severity == RuleSeverity.Error ? RuleSeverity.Warning : severity;
        }

        if (severity == RuleSeverity.Warning && TreatWarningsAsErrors && Level != PolicyLevel.Audit)
        {
            return RuleSeverity.Error;
        }

        return severity;
    }

    /// <summary>MSBuild code lists are separated by ';' or ',' and may carry spaces.</summary>
    private static HashSet<string> CodeList(string? value) =>
        new((value ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StringComparer.OrdinalIgnoreCase);
}
