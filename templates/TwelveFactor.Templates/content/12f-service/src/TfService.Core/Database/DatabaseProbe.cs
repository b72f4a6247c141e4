using Npgsql;

namespace TfService.Core.Database;

/// <summary>Readiness: whether the database answers a trivial query within a short time.</summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(timeout.Token) is 1;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
