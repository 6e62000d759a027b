namespace CountyTech.Gateway.Limits;

/// <summary>
/// How many requests of one client's window the gateways have taken between them (table <c>rate_limit_window</c>),
/// in leases: every gateway instance takes a few permits at a time, so the limit is one for all replicas while most
/// requests never touch the database.
/// </summary>
public sealed class RateLimitWindow
{
    /// <summary>The client and its limit (<c>client:{id}:{own limit}</c>), as the rate limiter partitions them.</summary>
    public string ClientKey { get; private set; } = string.Empty;

    /// <summary>Start of the fixed window, aligned on the epoch so that every instance agrees on it.</summary>
    public DateTimeOffset WindowStart { get; private set; }

    /// <summary>Permits leased to the gateway instances so far in this window; never above the limit.</summary>
    public int Leased { get; private set; }

    /// <summary>Permits granted by the latest lease (the difference the last claim made), read back by the claimer.</summary>
    public int LastGrant { get; private set; }
}
