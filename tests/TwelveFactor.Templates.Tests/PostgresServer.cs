namespace TwelveFactor.Templates.Tests;

/// <summary>
/// A throw-away PostgreSQL server on 127.0.0.1 and a free port, in a temporary data folder (initdb, pg_ctl), with
/// trust authentication for the test user. PostgreSQL refuses to run as root, so as root it runs as the
/// 'postgres' account that the Debian package creates. eng/ci/postgres.sh installs the package.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string User = "tf";

    private readonly string _binaries;
    private readonly string _folder;
    private readonly string? _runAs;

    private PostgresServer(string binaries, string? runAs)
    {
        _binaries = binaries;
        _runAs = runAs;
        _folder = Path.Combine(Path.GetTempPath(), "twelvefactor-tests", "postgres-" + Guid.NewGuid().ToString("N")[..8]);
        Port = FreePort.Next();
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Why no server can be started here, or null when one can.</summary>
    public static string? Unavailable { get; } = FindProblem(out _, out _);

    public static PostgresServer Start()
    {
        if (FindProblem(out var binaries, out var runAs) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        var server = new PostgresServer(binaries!, runAs);
        Directory.CreateDirectory(server._folder);
        if (runAs is not null)
        {
            Run("chown", runAs, server._folder);
        }
        server.Postgres("initdb", "-D", server.DataFolder, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync");
        server.StartAgain();
        return server;
    }

    /// <summary>postgres://tf@127.0.0.1:PORT/DATABASE</summary>
    public string UrlOf(string database) => $"postgres://{User}:unused@127.0.0.1:{Port}/{database}";

    public void CreateDatabase(string name) =>
        Run(Path.Combine(_binaries, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(), "-U", User, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE {name}");

    public string Query(string database, string sql) =>
        Run(Path.Combine(_binaries, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(), "-U", User, "-d", database, "-qtA", "-v", "ON_ERROR_STOP=1", "-c", sql).Output.Trim();

    public void Stop() => Postgres("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");

    public void StartAgain() => Postgres("pg_ctl", "-D", DataFolder, "-w", "-l", Path.Combine(_folder, "server.log"),
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_folder, recursive: true);
    }

    private void Postgres(string tool, params string[] arguments)
    {
        var program = Path.Combine(_binaries, tool);
        if (_runAs is null)
        {
            Run(program, arguments);
        }
        else
        {
            Run("runuser", new[] { "-u", _runAs, "--", program }.Concat(arguments).ToArray());
        }
    }

    private static ProcessResult Run(string program, params string[] arguments)
    {
        var result = ProcessRunner.Run(program, arguments, Path.GetTempPath(), timeout: TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {result}");
        }
        return result;
    }

    private static string? FindProblem(out string? binaries, out string? runAs)
    {
        binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        runAs = Environment.UserName == "root" ? "postgres" : null;
        if (binaries is null)
        {
            return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run eng/ci/postgres.sh";
        }
        if (runAs is not null && ProcessRunner.Run("id", [runAs], Path.GetTempPath()).ExitCode != 0)
        {
            return "running as root and there is no 'postgres' account to run PostgreSQL as: run eng/ci/postgres.sh";
        }
        return null;
    }
}

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason, only where none can be started.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
