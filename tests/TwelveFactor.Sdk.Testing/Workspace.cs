using System.Security;

namespace TwelveFactor.Sdk.Testing;

/// <summary>
/// A throw-away folder in which a test writes real projects and runs real dotnet commands against the packed
/// SDK: a nuget.config with the test feed (TwelveFactor.* mapped to it, everything else from the usual feed),
/// its own NUGET_PACKAGES, and optionally a git repository.
/// </summary>
public sealed class Workspace : IDisposable
{
    private Workspace(string root, PackedSdk sdk)
    {
        Root = root;
        Sdk = sdk;
    }

    public string Root { get; }

    public PackedSdk Sdk { get; }

    /// <summary>The SDK reference for a project file: TwelveFactor.Sdk/&lt;test version&gt;.</summary>
    public string SdkReference => "TwelveFactor.Sdk/" + Sdk.Version;

    /// <summary>Variables every dotnet command in this workspace gets.</summary>
    public Dictionary<string, string?> Environment { get; } = new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDTERMINALLOGGER"] = "off",
    };

    public static Workspace Create(string name, bool gitRepository = true)
    {
        var sdk = PackedSdk.Instance;
        var root = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var workspace = new Workspace(root, sdk);
        workspace.Environment["NUGET_PACKAGES"] = PackedSdk.PackagesFolder;
        workspace.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="twelvefactor-test" value="{SecurityElement.Escape(sdk.Feed)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="twelvefactor-test"><package pattern="TwelveFactor.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        if (gitRepository)
        {
            workspace.Git("init", "-q", "-b", "main");
            workspace.Git("config", "user.email", "test@example.invalid");
            workspace.Git("config", "user.name", "Test");
        }

        return workspace;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public string WriteFile(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public string ReadFile(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public bool Exists(string relativePath) => File.Exists(PathOf(relativePath)) || Directory.Exists(PathOf(relativePath));

    /// <summary>
    /// Writes a library that uses the SDK and targets net10.0 and net8.0 (the SDK checks it in the first):
    /// &lt;dir&gt;/&lt;name&gt;.csproj with <paramref name="body"/> inside &lt;Project&gt;, and <paramref name="code"/> as its one source file.
    /// </summary>
    public string WriteMultiTargetingLibrary(string name, string code, string body = "")
    {
        var path = WriteFile($"{name}/{Path.GetFileName(name)}.csproj", $"""
            <Project Sdk="{SdkReference}">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
              </PropertyGroup>
            {body}
            </Project>
            """);
        WriteFile($"{name}/Library.cs", code);
        return path;
    }

    /// <summary>
    /// Writes a project that uses the SDK: &lt;dir&gt;/&lt;name&gt;.csproj plus a Program.cs fitting its process
    /// type (web: a minimal API, worker: a generic host, admin: a console command; none: a library).
    /// A worker references Microsoft.Extensions.Hosting as `dotnet new worker` does.
    /// <paramref name="body"/> goes inside &lt;Project&gt;, after the standard PropertyGroup.
    /// </summary>
    public string WriteProject(string name, string? processType, string body = "", string? sdk = null, string? properties = null)
    {
        if (processType == "worker")
        {
            // Like `dotnet new worker`: the generic host comes as a package.
            body = "  <ItemGroup>\n    <PackageReference Include=\"Microsoft.Extensions.Hosting\" Version=\"10.0.0\" />\n  </ItemGroup>\n" + body;
        }

        var typeProperty = processType is null ? "" : $"\n    <TwelveFactorProcessType>{processType}</TwelveFactorProcessType>";
        var path = WriteFile($"{name}/{Path.GetFileName(name)}.csproj", $"""
            <Project Sdk="{sdk ?? SdkReference}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>{typeProperty}{properties ?? ""}
              </PropertyGroup>
            {body}
            </Project>
            """);
        WriteFile($"{name}/{(processType is null ? "Library" : "Program")}.cs", SampleCode.For(processType));
        return path;
    }

    /// <summary>How long one dotnet command may run before it is stopped as hung.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>dotnet &lt;arguments&gt; in <paramref name="directory"/> (relative to the root).</summary>
    public BuildResult Dotnet(string directory, params string[] arguments) => Dotnet(directory, null, arguments);

    public BuildResult Dotnet(string directory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var env = new Dictionary<string, string?>(Environment);
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                env[key] = value;
            }
        }

        var result = ProcessRunner.Run("dotnet", arguments, PathOf(directory), env, CommandTimeout);
        return new BuildResult(result.ExitCode, result.Output);
    }

    /// <summary>dotnet build with the console logger in a form the diagnostics parser reads.</summary>
    public BuildResult Build(string directory, params string[] arguments) => Build(directory, null, arguments);

    public BuildResult Build(string directory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        Dotnet(directory, environment, new[] { "build", "-nologo", "-clp:NoSummary;ForceNoAlign", "-tl:off" }.Concat(arguments).ToArray());

    public ProcessResult Git(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, Root);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("git " + string.Join(' ', arguments) + " failed:\n" + result.Output);
        }

        return result;
    }

    /// <summary>The SARIF log the build wrote to obj/ for a project.</summary>
    public Sarif SarifOf(string projectDirectory, string configuration = "Debug", string targetFramework = "net10.0") =>
        Sarif.Load(PathOf($"{projectDirectory}/obj/{configuration}/{targetFramework}/twelvefactor/TwelveFactor.sarif"));

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public int LineOf(string relativePath, string text)
    {
        var lines = File.ReadAllLines(PathOf(relativePath));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{text}' is not in {relativePath}");
    }

    /// <summary>The 1-based line and column where <paramref name="text"/> first occurs.</summary>
    public (int Line, int Column) PositionOf(string relativePath, string text)
    {
        var line = LineOf(relativePath, text);
        return (line, File.ReadAllLines(PathOf(relativePath))[line - 1].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    public void Dispose()
    {
        if (System.Environment.GetEnvironmentVariable("TWELVEFACTOR_KEEP_WORKSPACES") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A process still holding a file: the temp folder is cleaned up by the OS.
        }
    }
}
