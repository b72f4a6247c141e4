using System.Xml.Linq;

namespace TwelveFactor.Templates.Tests;

/// <summary>The outcome of each test in a TRX file that `dotnet test --logger trx` wrote.</summary>
public sealed record TestOutcome(string Name, string Outcome, string Text)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TestOutcome> Read(string trxFile) =>
        XDocument.Load(trxFile).Descendants(Trx + "UnitTestResult")
            .Select(r => new TestOutcome((string)r.Attribute("testName")!, (string)r.Attribute("outcome")!, r.Value))
            .ToList();
}
