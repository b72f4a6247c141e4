namespace TfService.Core.Database;

/// <summary>
/// The schema as an ordered list of migrations. Only the admin process applies them (factor XII): web and worker
/// processes never change the schema, they run against the one the release was migrated to.
/// </summary>
public static class Schema
{
    public sealed record Migration(int Version, string Description, string Sql);

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "jobs queue", """
            CREATE TABLE jobs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                idempotency_key text UNIQUE,
                payload text NOT NULL,
                work_ms integer NOT NULL DEFAULT 0 CHECK (work_ms >= 0),
                status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done', 'failed')),
                result text,
                error text,
                processed_by text,
                created_at timestamptz NOT NULL DEFAULT now(),
                completed_at timestamptz
            );
            CREATE INDEX jobs_queued ON jobs (id) WHERE status = 'queued';
            """),
    ];
}
