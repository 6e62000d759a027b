using System.ComponentModel.DataAnnotations;

namespace CountyTech.Gateway.Audit;

/// <summary>
/// How long the audit trail is kept (section <c>Gateway:Audit</c>), set by the platform's administrator in its
/// configuration and never through the API. At least 180 days: 网络安全法 Art. 21 asks for network logs of six months.
/// </summary>
internal sealed class AuditOptions
{
    public const string Section = "Gateway:Audit";

    [Range(typeof(TimeSpan), "180.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3 * 365);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromDays(1);
}
