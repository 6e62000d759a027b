namespace CountyTech.Gateway.Audit;

/// <summary>
/// One write through the platform (审计日志): who (client id and name), when, what (method, path, resource id), how
/// it ended (status, whether it replayed an earlier answer), the trace ops can follow, and for a baseline the figures
/// it changed, old and new. Written before the request goes any further, completed when it is answered.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxPathLength = 2000;

    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ClientId { get; private set; } = string.Empty;

    public string? ClientName { get; private set; }

    public string Method { get; private set; } = string.Empty;

    /// <summary>Path and query as the caller sent them (cut at <see cref="MaxPathLength"/> characters).</summary>
    public string Path { get; private set; } = string.Empty;

    public string? ResourceId { get; private set; }

    /// <summary>The answer's status; null while the request is under way, or if the gateway stopped before it.</summary>
    public int? Status { get; private set; }

    public string TraceId { get; private set; } = string.Empty;

    /// <summary>Whether the answer was an earlier one replayed for a repeated <c>Idempotency-Key</c>.</summary>
    public bool Replayed { get; private set; }

    /// <summary>The figures the write changed, as JSON (<c>[{ field, oldValue, newValue }]</c>), where the service reports them.</summary>
    public string? Changes { get; private set; }

    public static AuditEntry Begin(
        DateTimeOffset at, string clientId, string? clientName, string method, string path, string? resourceId, string traceId) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        ClientId = clientId,
        ClientName = clientName,
        Method = method,
        Path = path.Length > MaxPathLength ? path[..MaxPathLength] : path,
        ResourceId = resourceId,
        TraceId = traceId,
    };
}
