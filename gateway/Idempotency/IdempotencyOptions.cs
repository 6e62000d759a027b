using System.ComponentModel.DataAnnotations;

namespace CountyTech.Gateway.Idempotency;

/// <summary>How long answers are kept for replay and how stale a claimed key may get (section <c>Gateway:Idempotency</c>).</summary>
internal sealed class IdempotencyOptions
{
    public const string Section = "Gateway:Idempotency";

    /// <summary>How long a key's first answer is replayed (API.md: 24 h).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// After this long without an answer, a claimed key is taken as abandoned (its gateway died or the caller hung up)
    /// and a repeat is forwarded again. Longer than the proxy's 100 s request timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often expired records are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
