using System.Globalization;

namespace CountyTech.Gateway.Audit;

/// <summary>
/// The record a write is about, for the audit trail: the first id in its path after the area
/// (<c>/api/v1/projects/{id}/approval</c>, <c>/api/v1/reporting/baselines/2025</c>, <c>/api/v1/admin/clients/{id}</c>),
/// else the one in the <c>Location</c> of what it created.
/// </summary>
internal static class ResourceIds
{
    public const int MaxLength = 100;
    private const int AreaSegments = 3; // api, v1, <area>

    public static string? FromPath(string? path)
    {
        var segments = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Skip(AreaSegments).FirstOrDefault(IsId);
    }

    public static string? FromLocation(string? location) =>
        Uri.TryCreate(location, UriKind.RelativeOrAbsolute, out var uri)
            ? FromPath(uri.IsAbsoluteUri ? uri.AbsolutePath : location!.Split('?')[0])
            : null;

    private static bool IsId(string segment) =>
        segment.Length <= MaxLength
        && (Guid.TryParse(segment, out _) || long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _));
}
