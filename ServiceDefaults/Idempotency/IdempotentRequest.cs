namespace CountyTech.ServiceDefaults;

/// <summary>
/// A POST a client sent with an <c>Idempotency-Key</c> (幂等键) that took effect (table <c>idempotent_request</c> in the
/// service's own database). The row is inserted by the same <c>SaveChanges</c> as the effect, so either both committed
/// or neither did, whatever happened to the caller, the gateway or the connection in between; the answer is added as
/// soon as it is known, before it is sent, and a repeat of the key gets it until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class IdempotentRequest
{
    public required string ClientId { get; init; }

    public required string IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the method, path, query and body of the request.</summary>
    public required byte[] Fingerprint { get; init; }

    /// <summary>When the effect was saved.</summary>
    public DateTimeOffset AppliedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the answer was recorded; null for the moment between the commit and the answer.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    public int? StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string? Location { get; init; }

    public byte[]? Body { get; init; }
}
