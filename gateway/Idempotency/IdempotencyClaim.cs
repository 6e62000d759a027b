namespace CountyTech.Gateway.Idempotency;

/// <summary>The first answer to a key, as replayed to its repeats.</summary>
internal sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);

/// <summary>What trying to claim an idempotency key gave.</summary>
internal abstract record IdempotencyClaim
{
    /// <summary>The key is this request's: forward it and record the answer under the lease.</summary>
    public sealed record Granted(Guid LeaseId) : IdempotencyClaim;

    /// <summary>The same request was answered before: replay the answer.</summary>
    public sealed record Answered(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The same request is still being forwarded by another gateway request.</summary>
    public sealed record InFlight : IdempotencyClaim;

    /// <summary>The key was used for a different method, path or body.</summary>
    public sealed record Mismatch : IdempotencyClaim;
}
