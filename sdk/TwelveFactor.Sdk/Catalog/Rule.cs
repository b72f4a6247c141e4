namespace TwelveFactor.Sdk.Catalog;

/// <summary>How loudly a finding is reported before the policy level and MSBuild's switches apply.</summary>
public enum RuleSeverity
{
    None = 0,
    Suggestion = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>
/// One entry of the rule catalogue: its descriptor (id, factor, default severity, help link) and its text (title,
/// message, fix, reason, trade-off). Kept free of MSBuild and Roslyn types so that the build tasks and the
/// analyzer share it as source.
/// </summary>
public sealed class Rule
{
    public Rule(string id, int factor, RuleSeverity defaultSeverity, string title, string messageFormat, string fix, string why, string tradeOff = "")
    {
        TradeOff = tradeOff;
        Id = id;
        Factor = factor;
        DefaultSeverity = defaultSeverity;
        Title = title;
        MessageFormat = messageFormat;
        Fix = fix;
        Why = why;
    }

    /// <summary>TFxxyy: xx is the factor (00 for the engine's own diagnostics).</summary>
    public string Id { get; }

    /// <summary>1..12, or 0 for an engine diagnostic.</summary>
    public int Factor { get; }

    public RuleSeverity DefaultSeverity { get; }

    public string Title { get; }

    /// <summary>What was found; {0}.. are the finding's arguments.</summary>
    public string MessageFormat { get; }

    /// <summary>What to do instead.</summary>
    public string Fix { get; }

    /// <summary>Why: the factor's reason.</summary>
    public string Why { get; }

    /// <summary>What following the fix costs and what it buys, in a sentence; empty for engine diagnostics.</summary>
    public string TradeOff { get; }

    public bool IsEngineDiagnostic => Factor == 0;

    public string FactorName => Factors.Name(Factor);

    public string HelpLink => RuleCatalog.HelpLinkBase + Id + ".md";

    /// <summary>What was found, without the advice: the message format filled in.</summary>
    public string FormatFound(params string[] arguments)
    {
        try
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
        }
        catch (System.FormatException)
        {
            return MessageFormat + " (" + string.Join(", ", arguments) + ")";
        }
    }

    /// <summary>
    /// The full text a user reads: what was found, what to do instead, and which factor says why.
    /// </summary>
    public string FormatMessage(params string[] arguments)
    {
        var found = FormatFound(arguments);
        var reason = IsEngineDiagnostic ? Why : "Factor " + Factors.Roman(Factor) + " (" + FactorName + "): " + Why;
        return found.TrimEnd('.') + ". " + Fix + " " + reason;
    }
}
