using System.ComponentModel.DataAnnotations;

namespace CountyTech.ServiceDefaults;

/// <summary>How long answers are kept for repeats of their key (section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key's first answer is replayed (API.md: 24 h).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired rows are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a repeat waits for the answer of a first request whose effect has just committed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan AnswerWait { get; set; } = TimeSpan.FromSeconds(10);
}
