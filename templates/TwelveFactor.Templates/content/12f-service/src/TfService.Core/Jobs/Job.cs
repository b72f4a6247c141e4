using System.Text.Json.Serialization;

namespace TfService.Core.Jobs;

/// <summary>A unit of work recorded by the web process and carried out by a worker.</summary>
public sealed record Job(
    long Id,
    string Payload,
    int WorkMs,
    string Status,
    string? Result,
    string? Error,
    string? ProcessedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    [JsonIgnore]
    public bool IsFinished => Status is JobStatus.Done or JobStatus.Failed;
}

public static class JobStatus
{
    public const string Queued = "queued";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>What a client asks for: the payload and, to show shutdown at work, how long the job takes.</summary>
public sealed record JobRequest(string Payload, int WorkMs = 0)
{
    public const int MaxPayloadLength = 10_000;
    public const int MaxWorkMs = 600_000;

    public string? Problem =>
        string.IsNullOrEmpty(Payload) ? "payload is required"
        : Payload.Length > MaxPayloadLength ? $"payload is longer than {MaxPayloadLength} characters"
        : WorkMs is < 0 or > MaxWorkMs ? $"workMs must be between 0 and {MaxWorkMs}"
        : null;
}

public sealed record JobStats(long Queued, long Done, long Failed, DateTimeOffset? OldestQueuedAt);
