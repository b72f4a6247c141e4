using System.Text.RegularExpressions;

namespace TwelveFactor.Sdk.Testing;

/// <summary>An error or warning as MSBuild's console logger printed it.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message)
{
    // [node>]path(line,col): subcategory error CODE: message [project]
    private static readonly Regex Pattern = new(
        @"^\s*(?:\d+(?::\d+)?>)?(?<file>.*?)(?:\((?<line>\d+)(?:,(?<col>\d+))?(?:,\d+,\d+)?\))?\s*:\s*(?:(?<sub>[^:]*?)\s+)?(?<sev>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<msg>.*?)(?:\s+\[(?<proj>[^\]]+)\])?\s*$",
        RegexOptions.Compiled);

    public string FileName => Path.GetFileName(File);

    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        var seen = new HashSet<string>();
        var diagnostics = new List<BuildDiagnostic>();
        foreach (var line in output.Split('\n'))
        {
            var match = Pattern.Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value) : 0,
                match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value) : 0,
                match.Groups["sev"].Value,
                match.Groups["code"].Value,
                match.Groups["msg"].Value);
            // MSBuild repeats a diagnostic in its summary and, at higher verbosities, in other forms.
            if (seen.Add(diagnostic.ToString() + "|" + diagnostic.File))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return diagnostics;
    }

    public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Code}: {Message}";
}

public sealed record BuildResult(int ExitCode, string Output)
{
    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; } = BuildDiagnostic.Parse(Output);

    public bool Succeeded => ExitCode == 0;

    /// <summary>The SDK's own diagnostics (TFxxyy).</summary>
    public IReadOnlyList<BuildDiagnostic> Findings => Diagnostics.Where(d => d.Code.StartsWith("TF", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<BuildDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error").ToList();

    public IReadOnlyList<BuildDiagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code).ToList();

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
