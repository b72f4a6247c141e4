using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Analyzers;

/// <summary>One violation a code rule found: where, the stable key for its fingerprint, and the message arguments.</summary>
internal sealed class CodeFinding
{
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
            .Add(AnalyzerProperties.Key, Key)
            .Add(AnalyzerProperties.Arguments, string.Join(AnalyzerProperties.ArgumentSeparator.ToString(), Arguments));
        return Diagnostic.Create(RuleDescriptors.Get(RuleId), Location, properties, Arguments.Cast<object>().ToArray());
    }
}
