namespace SecretsBench;

/// <summary>A tool's findings (file and line) scored against the labels: a line counts once, however many findings it has.</summary>
public sealed class Score
{
    private readonly Dictionary<string, (int Found, int Count)> _byKind = new();

    public int Secrets { get; private set; }

    public int Found { get; private set; }

    public int Placeholders { get; private set; }

    public int LookAlikes { get; private set; }

    public int PlaceholderHits { get; private set; }

    public int LookAlikeHits { get; private set; }

    public int OtherHits { get; private set; }

    public double Recall => Secrets == 0 ? 0 : (double)Found / Secrets;

    public int FoundOf(string kind) => _byKind.TryGetValue(kind, out var v) ? v.Found : 0;

    public int CountOf(string kind) => _byKind.TryGetValue(kind, out var v) ? v.Count : 0;

    public static Score Of(IEnumerable<(string File, int Line)> findings, IReadOnlyList<Label> labels)
    {
        var hit = new HashSet<(string, int)>(findings.Select(f => (Path.GetFullPath(f.File), f.Line)));
        var labelled = labels.ToDictionary(l => (Path.GetFullPath(l.File), l.Line));
        var score = new Score();
        foreach (var label in labels)
        {
            var found = hit.Contains((Path.GetFullPath(label.File), label.Line));
            switch (label.Class)
            {
                case LabelClass.Secret:
                    score.Secrets++;
                    score.Found += found ? 1 : 0;
                    var (f, c) = score._byKind.TryGetValue(label.Kind, out var v) ? v : (0, 0);
                    score._byKind[label.Kind] = (f + (found ? 1 : 0), c + 1);
                    break;
                case LabelClass.Placeholder:
                    score.Placeholders++;
                    score.PlaceholderHits += found ? 1 : 0;
                    break;
                default:
                    score.LookAlikes++;
                    score.LookAlikeHits += found ? 1 : 0;
                    break;
            }
        }

        score.OtherHits = hit.Count(h => !labelled.ContainsKey(h));
        return score;
    }
}
