namespace TwelveFactor.Templates.Tests;

/// <summary>
/// A service generated with `dotnet new 12f-service` (every process type), built once under the strict policy
/// with the packed SDK, and a PostgreSQL server for it; each test takes a database of its own.
/// </summary>
public sealed class GeneratedService : IDisposable
{
    private int _databases;

    public GeneratedService() : this("service", "Orders")
    {
    }

    internal GeneratedService(string workspaceName, string name, params string[] options)
    {
        Name = name;
        Workspace = Workspace.Create(workspaceName, gitRepository: false);
        // A whole solution (core, three process types, the test project) restores and builds in one command.
        Workspace.CommandTimeout = TimeSpan.FromMinutes(12);
        var generated = TemplateHive.Instance.New(Workspace.PathOf(name), name, options);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        // The generated nuget.config lists the user's feeds; the tests add the feed holding the packed SDK.
        var feed = Workspace.Dotnet(name, "nuget", "add", "source", Workspace.Sdk.Feed, "-n", "twelvefactor-test", "--configfile", "nuget.config");
        Assert.True(feed.Succeeded, feed.ToString());
        Build = Workspace.Build(name, "-p:TwelveFactorPolicy=strict");
        Postgres = PostgresServer.Unavailable is null && Build.Succeeded ? PostgresServer.Start() : null;
    }

    public string Name { get; }

    public Workspace Workspace { get; }

    public BuildResult Build { get; }

    public PostgresServer? Postgres { get; }

    public string AssemblyOf(string processType) =>
        Workspace.PathOf($"{Name}/src/{Name}.{processType}/bin/Debug/net10.0/{Name}.{processType}.dll");

    /// <summary>A new empty database.</summary>
    public TestDatabase NewDatabase()
    {
        var name = "test" + Interlocked.Increment(ref _databases);
        Postgres!.CreateDatabase(name);
        return new TestDatabase(name, Postgres.UrlOf(name));
    }

    public ProcessResult Admin(string databaseUrl, params string[] arguments) => AdminWithInput(databaseUrl, null, arguments);

    /// <summary>The admin process with <paramref name="input"/> on its standard input (the console reads it).</summary>
    public ProcessResult AdminWithInput(string databaseUrl, string? input, params string[] arguments) =>
        ProcessRunner.Run("dotnet", new[] { AssemblyOf("Admin") }.Concat(arguments), Workspace.Root,
            new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl }, TimeSpan.FromMinutes(1), input);

    public void Dispose()
    {
        Postgres?.Dispose();
        Workspace.Dispose();
    }
}

public sealed record TestDatabase(string Name, string Url);

[CollectionDefinition(Name)]
public sealed class GeneratedServiceCollection : ICollectionFixture<GeneratedService>
{
    public const string Name = "generated service";
}
