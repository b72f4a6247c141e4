namespace TwelveFactor.Sdk.Knowledge;

/// <summary>The packages whose direct reference says something about a factor.</summary>
public static class KnownPackages
{
    /// <summary>
    /// Factor V: compile code while the release runs (Razor views recompiled from disk, scripts evaluated by the
    /// Roslyn scripting API or CS-Script). An admin process's REPL is the one place where that is the point.
    /// </summary>
    public static readonly IReadOnlyCollection<string> RunTimeCompilation = Set(
        "Microsoft.AspNetCore.Mvc.Razor.RuntimeCompilation", "Microsoft.CodeAnalysis.CSharp.Scripting",
        "Microsoft.CodeAnalysis.VisualBasic.Scripting", "Microsoft.CodeAnalysis.Scripting", "CS-Script", "CSScriptLib");

    /// <summary>Factor VIII: the process installs or runs itself as a Windows service or daemon.</summary>
    public static readonly IReadOnlyCollection<string> SelfDaemonizing = Set(
        "Microsoft.Extensions.Hosting.WindowsServices", "Microsoft.AspNetCore.Hosting.WindowsServices", "Topshelf",
        "DasMulli.Win32.ServiceUtils", "PeterKottas.DotNetCore.WindowsService", "Daemonize.Net");

    /// <summary>Families named by prefix (Topshelf.Autofac, Topshelf.Serilog, ...).</summary>
    public static readonly IReadOnlyCollection<string> SelfDaemonizingPrefixes = new[] { "Topshelf." };

    /// <summary>Factor XI: logging providers and sinks whose only job is writing log files.</summary>
    public static readonly IReadOnlyCollection<string> FileLogging = Set(
        "Serilog.Sinks.File", "Serilog.Sinks.RollingFile", "Serilog.Extensions.Logging.File", "NReco.Logging.File",
        "NetEscapades.Extensions.Logging.RollingFile", "Karambolo.Extensions.Logging.File");

    /// <summary>Factor X: stores meant for tests and development, not for production.</summary>
    public static readonly IReadOnlyCollection<string> DevelopmentStores = Set(
        "Microsoft.EntityFrameworkCore.InMemory", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite.Core");

    /// <summary>Factor X: production database providers.</summary>
    public static readonly IReadOnlyCollection<string> ProductionStores = Set(
        "Microsoft.EntityFrameworkCore.SqlServer", "Npgsql.EntityFrameworkCore.PostgreSQL", "Pomelo.EntityFrameworkCore.MySql",
        "MySql.EntityFrameworkCore", "Oracle.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Cosmos",
        "MongoDB.EntityFrameworkCore", "FirebirdSql.EntityFrameworkCore.Firebird");

    /// <summary>Test frameworks: a project referencing one is a test project, whatever IsTestProject says.</summary>
    public static readonly IReadOnlyCollection<string> TestFrameworks = Set(
        "Microsoft.NET.Test.Sdk", "xunit", "xunit.v3", "NUnit", "MSTest", "MSTest.TestFramework", "TUnit");

    public static bool IsSelfDaemonizing(string id) =>
        SelfDaemonizing.Contains(id) || SelfDaemonizingPrefixes.Any(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> Set(params string[] ids) => new(ids, StringComparer.OrdinalIgnoreCase);
}
