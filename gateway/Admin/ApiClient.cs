namespace CountyTech.Gateway.Admin;

/// <summary>
/// A system allowed to call the platform (接入系统): a city-level system or a department app, known by the SHA-256
/// hash of its API key (the key itself is shown once, when the client is registered) and limited to its scopes.
/// </summary>
public sealed class ApiClient
{
    private ApiClient(
        Guid id, string name, ClientKind kind, string[] scopes, int? requestsPerMinute, byte[] keyHash, DateTimeOffset createdAt, string createdBy)
    {
        RequestsPerMinute = requestsPerMinute;
        Id = id;
        Name = name;
        Kind = kind;
        Scopes = scopes;
        KeyHash = keyHash;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public ClientKind Kind { get; private set; }

    public string[] Scopes { get; private set; }

    /// <summary>The client's own rate limit; null for the gateway's default.</summary>
    public int? RequestsPerMinute { get; private set; }

    public byte[] KeyHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The client id of the administrator who registered it (<c>bootstrap</c>, <c>key:…</c> or <c>jwt:…</c>).</summary>
    public string CreatedBy { get; private set; }

    /// <summary>When the key stopped working; <c>null</c> while it is active.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    internal static ApiClient Register(ClientRegistration registration, byte[] keyHash, string createdBy, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), registration.Name, registration.Kind, [.. registration.Scopes], registration.RequestsPerMinute,
            keyHash, now, createdBy);

    /// <summary>Stops the key at once; revoking twice keeps the first moment.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
