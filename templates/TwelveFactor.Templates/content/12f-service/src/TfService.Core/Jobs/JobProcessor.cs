using System.Security.Cryptography;
using System.Text;

namespace TfService.Core.Jobs;

/// <summary>
/// The work itself; replace it with yours. It must honour the cancellation token (a worker that is told to stop
/// hands the job back) and have no effect outside the database transaction the queue gives it, so that a job
/// handed back and done again by another worker is done exactly once.
/// </summary>
public sealed class JobProcessor
{
    public async Task<string> ProcessAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.WorkMs > 0)
        {
            await Task.Delay(job.WorkMs, cancellationToken);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job.Payload)));
    }
}
