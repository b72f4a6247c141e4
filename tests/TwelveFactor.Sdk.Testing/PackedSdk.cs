namespace TwelveFactor.Sdk.Testing;

/// <summary>
/// The SDK packed once per test run into a local feed, under a version of its own so that no NuGet cache can
/// serve an older build. eng/test.sh packs once for every test project and passes the feed in
/// TWELVEFACTOR_TEST_FEED / TWELVEFACTOR_TEST_VERSION; a test run started any other way packs here.
/// </summary>
public sealed class PackedSdk
{
    private static readonly Lazy<PackedSdk> Shared = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackedSdk(string feed, string version)
    {
        Feed = feed;
        Version = version;
    }

    public static PackedSdk Instance => Shared.Value;

    /// <summary>The folder feed holding TwelveFactor.*.nupkg.</summary>
    public string Feed { get; }

    public string Version { get; }

    /// <summary>NUGET_PACKAGES for every test build: isolated from the user's cache, kept between runs.</summary>
    public static string PackagesFolder => Path.Combine(RepositoryLayout.Scratch, "nuget-packages");

    private static PackedSdk Pack()
    {
        var feed = Environment.GetEnvironmentVariable("TWELVEFACTOR_TEST_FEED");
        var version = Environment.GetEnvironmentVariable("TWELVEFACTOR_TEST_VERSION");
        if (!string.IsNullOrEmpty(feed) && !string.IsNullOrEmpty(version))
        {
            return new PackedSdk(feed, version);
        }

        version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        feed = Path.Combine(RepositoryLayout.Scratch, "feeds", version);
        Directory.CreateDirectory(feed);
        var result = ProcessRunner.Run("bash", new[] { Path.Combine(RepositoryLayout.Root, "eng", "pack.sh") }, RepositoryLayout.Root,
            new Dictionary<string, string?> { ["VERSION"] = version, ["PACKAGE_OUTPUT"] = feed }, TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("eng/pack.sh failed:\n" + result.Output);
        }

        return new PackedSdk(feed, version);
    }
}
