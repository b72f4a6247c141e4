namespace TwelveFactor.Templates.Tests;

/// <summary>
/// The template package from the test feed, installed once per run into a template hive of its own
/// (--debug:custom-hive), so that tests never touch the user's installed templates.
/// </summary>
public sealed class TemplateHive
{
    private static readonly Lazy<TemplateHive> Shared = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private TemplateHive(string path) => Path = path;

    public static TemplateHive Instance => Shared.Value;

    public string Path { get; }

    /// <summary>dotnet new 12f-service -n <paramref name="name"/> into <paramref name="outputDirectory"/>.</summary>
    public ProcessResult New(string outputDirectory, string name, params string[] options) =>
        Dotnet(System.IO.Path.GetDirectoryName(outputDirectory)!,
            new[] { "new", "12f-service", "-n", name, "-o", outputDirectory, "--debug:custom-hive", Path }.Concat(options).ToArray());

    private static TemplateHive Install()
    {
        var sdk = PackedSdk.Instance;
        var package = Directory.GetFiles(sdk.Feed, "TwelveFactor.Templates.*.nupkg").Single();
        var hive = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "twelvefactor-tests", "hive-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(hive);
        var result = Dotnet(hive, "new", "install", package, "--debug:custom-hive", hive);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet new install failed:\n" + result.Output);
        }
        // One hive serves the whole run, so it goes when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(hive);
        return new TemplateHive(hive);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open or a folder made read-only leaves the hive to the next cleanup of /tmp; the run's result stands.
        }
    }

    private static ProcessResult Dotnet(string directory, params string[] arguments)
    {
        Directory.CreateDirectory(directory);
        return ProcessRunner.Run("dotnet", arguments, directory, new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        }, TimeSpan.FromMinutes(2));
    }
}
