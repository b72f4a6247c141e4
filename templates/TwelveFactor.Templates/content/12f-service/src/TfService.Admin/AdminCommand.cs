namespace TfService.Admin;

/// <summary>The commands the admin process knows, parsed from its arguments.</summary>
/// <param name="Expression">For <c>console --eval</c>: the C# to evaluate, exactly as given.</param>
public sealed record AdminCommand(string Name, string? Expression = null)
{
    public static readonly AdminCommand Help = new("help");
#if (postgres)
    public static readonly AdminCommand Migrate = new("migrate");
    public static readonly AdminCommand JobStats = new("jobs stats");
    public static readonly AdminCommand JobPurge = new("jobs purge");
#endif
    public static readonly AdminCommand Config = new("config");
    public static readonly AdminCommand InteractiveConsole = new("console");

    public const string Usage = """
        Usage: TfService.Admin <command>

        One-off administrative commands, run with the same release and environment as the web and worker processes.

        Commands:
    #if (postgres)
          migrate       Create or update the database schema (web and worker processes never do).
          jobs stats    Print how many jobs are queued, done and failed, as JSON.
          jobs purge    Delete finished jobs completed more than 7 days ago (run nightly as a CronJob).
    #endif
          config        Print the settings this service reads from the environment (secrets hidden), as JSON.
          console       Open a C# console with the service's configured services in scope (Ctrl+D ends it).
          console --eval "<expression>"
                        Evaluate one C# expression and print its value as JSON.
          help          Print this text (also -h, --help).

        Exit codes: 0 success, 64 usage error, 69 database unavailable, 70 command failed, 78 configuration error.

        """;

    public static AdminCommand Eval(string expression) => new(InteractiveConsole.Name, expression);

    /// <summary>The command for the arguments, or null when they name none.</summary>
    public static AdminCommand? Parse(IReadOnlyList<string> args)
    {
        // The expression after --eval is code: it keeps its case and spacing.
        if (args.Count > 0 && args[0].Equals(InteractiveConsole.Name, StringComparison.OrdinalIgnoreCase))
        {
            return args.Count switch
            {
                1 => InteractiveConsole,
                3 when args[1] == "--eval" && !string.IsNullOrWhiteSpace(args[2]) => Eval(args[2]),
                _ => null,
            };
        }
        return Named(args);
    }

    private static AdminCommand? Named(IReadOnlyList<string> args) => string.Join(' ', args).Trim().ToLowerInvariant() switch
    {
        "" or "help" or "-h" or "--help" => Help,
#if (postgres)
        "migrate" => Migrate,
        "jobs stats" => JobStats,
        "jobs purge" => JobPurge,
#endif
        "config" => Config,
        _ => null,
    };
}
