using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>One violation a code rule found: where, the stable key for its fingerprint, and the message arguments.</summary>
internal sealed class CodeFinding
{
    /// <summary>Diagnostic property with the fingerprint key (read by the baseline suppressor and the SARIF merge).</summary>
    public const string KeyProperty = "TwelveFactorKey";

    /// <summary>Diagnostic property with the message arguments, separated by <see cref="ArgumentSeparator"/>.</summary>
    public const string ArgumentsProperty = "TwelveFactorArguments";

    public const char ArgumentSeparator = '\u001f';

    public CodeFinding(string ruleId, Location location, string key, string[] arguments)
    {
        RuleId = ruleId;
        Location = location;
        Key = key;
        Arguments = arguments;
    }

    public string RuleId { get; }

    public Location Location { get; }

    public string Key { get; }

    public string[] Arguments { get; }

    public Diagnostic ToDiagnostic()
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(KeyProperty, Key)
            .Add(ArgumentsProperty, string.Join(ArgumentSeparator.ToString(), Arguments));
        return Diagnostic.Create(RuleDescriptors.Get(RuleId), Location, properties, Arguments.Cast<object>().ToArray());
    }
}
