using TwelveFactor.Sdk.Catalog;
using TwelveFactor.Sdk.Policy;

namespace TwelveFactor.Sdk.Reading;

/// <summary>
/// TwelveFactor.baseline.json read from disk as every checked file is (<see cref="InputFile"/>: a regular file of
/// bounded size, never a FIFO), its content parsed by <see cref="Baseline.Parse"/>.
/// </summary>
public static class BaselineReader
{
    /// <summary>Reads a baseline; throws <see cref="BaselineFormatException"/> naming what is wrong.</summary>
    public static Baseline Load(string path) => Baseline.Parse(InputFile.ReadBytes(path));

    /// <summary>
    /// The baseline at <paramref name="path"/> when there is one; a file that cannot be read adds a TF0001
    /// finding and counts as empty, so every finding is reported as new rather than silently accepted.
    /// </summary>
    public static Baseline LoadOrReport(string? path, ICollection<Finding> findings)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return Baseline.Empty;
        }

        try
        {
            return Load(path!);
        }
        catch (BaselineFormatException ex)
        {
            findings.Add(new Finding(RuleIds.MalformedBaseline, path!, ex.Line, ex.Column, new[] { ex.Message }, ""));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            findings.Add(Finding.At(RuleIds.MalformedBaseline, SourceLocation.WholeFile(path!), "", ex.Message));
        }

        return Baseline.Empty;
    }
}
