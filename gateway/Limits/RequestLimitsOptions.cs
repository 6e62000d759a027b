using System.ComponentModel.DataAnnotations;

namespace CountyTech.Gateway.Limits;

/// <summary>
/// How much one client may send (section <c>Gateway:Limits</c>): requests per window, per client, and the largest
/// request body. The defaults are generous for a county's city systems and department apps.
/// </summary>
internal sealed class RequestLimitsOptions
{
    public const string Section = "Gateway:Limits";

    [Range(1, int.MaxValue)]
    public int PermitsPerWindow { get; set; } = 1200;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
