using System.Globalization;

namespace TwelveFactor.Sdk.Release;

/// <summary>What a release knows about itself, written into the image's labels.</summary>
public sealed record ReleaseFacts(
    string ReleaseId,
    string ProcessType,
    string Revision,
    string Source,
    string Version,
    string Title,
    DateTimeOffset? Created);

/// <summary>
/// The labels every release image carries (OCI annotations plus io.twelvefactor.*). The created time is the
/// commit's (or SOURCE_DATE_EPOCH), never the build's, so that the same commit gives the same labels.
/// </summary>
public static class ReleaseLabels
{
    public const string Revision = "org.opencontainers.image.revision";
    public const string Source = "org.opencontainers.image.source";
    public const string Version = "org.opencontainers.image.version";
    public const string Created = "org.opencontainers.image.created";
    public const string ArtifactCreated = "org.opencontainers.artifact.created";
    public const string Title = "org.opencontainers.image.title";
    public const string Release = "io.twelvefactor.release";
    public const string ProcessType = "io.twelvefactor.process-type";

    public static IReadOnlyList<KeyValuePair<string, string>> For(ReleaseFacts facts)
    {
        var labels = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                labels.Add(new KeyValuePair<string, string>(name, value!.Trim()));
            }
        }

        Add(Revision, facts.Revision);
        Add(Source, SourceUrl.Normalize(facts.Source));
        Add(Version, facts.Version);
        if (facts.Created is { } created)
        {
            var text = Rfc3339(created);
            Add(Created, text);
            Add(ArtifactCreated, text);
        }

        Add(Title, facts.Title);
        Add(Release, facts.ReleaseId);
        Add(ProcessType, facts.ProcessType.ToLowerInvariant());
        return labels;
    }

    /// <summary>SOURCE_DATE_EPOCH (the reproducible-builds convention) wins over the commit time.</summary>
    public static DateTimeOffset? CreatedTime(string? sourceDateEpoch, long? commitUnixSeconds)
    {
        if (long.TryParse((sourceDateEpoch ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return commitUnixSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    public static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
