namespace CountyTech.Gateway.Idempotency;

/// <summary>
/// A POST a client sent with an <c>Idempotency-Key</c> (幂等键): what it was (a fingerprint of method, path and body),
/// who is working on it (the lease of the gateway request that claimed it), and, once answered, the answer that a
/// repeat of the same key gets until the record expires.
/// </summary>
public sealed class IdempotentRequest
{
    public required string ClientId { get; init; }

    public required string IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the method, path, query and body of the first request.</summary>
    public required byte[] Fingerprint { get; init; }

    /// <summary>Identifies the gateway request that holds the key until it records the answer.</summary>
    public Guid LeaseId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public int? StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string? Location { get; init; }

    public byte[]? Body { get; init; }
}
