using System.ComponentModel.DataAnnotations;

namespace CountyTech.Gateway.Limits;

/// <summary>
/// How much one client may send (section <c>Gateway:Limits</c>): requests per window, per client (unless the
/// administrator set the client's own <c>requestsPerMinute</c>), requests without valid credentials per window, per
/// remote address, and the largest request body. The defaults are generous for a county's city systems and department apps.
/// </summary>
internal sealed class RequestLimitsOptions
{
    public const string Section = "Gateway:Limits";

    [Range(1, int.MaxValue)]
    public int PermitsPerWindow { get; set; } = 1200;

    /// <summary>
    /// Requests from one address that end unauthenticated (no key, an unknown or revoked key, the public documents) in
    /// a window; past it, requests from that address are refused before any key is hashed or looked up.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int UnauthenticatedPermitsPerWindow { get; set; } = 300;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
