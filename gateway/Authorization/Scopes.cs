using CountyTech.Gateway.Routing;

namespace CountyTech.Gateway.Authorization;

/// <summary>
/// The scopes of API.md (权限范围): <c>&lt;area&gt;:read</c> for GET and HEAD, <c>&lt;area&gt;:write</c> for
/// anything else, <c>projects:review</c> for the operations <see cref="RouteTable.ReservedOperations"/> give it, and
/// <c>admin</c>, which implies all of them.
/// </summary>
internal static class Scopes
{
    public const string Admin = ServiceDefaults.Caller.AdminScope;

    /// <summary>Approving, rejecting, funding and accepting projects (项目评审).</summary>
    public const string ProjectsReview = "projects:review";

    /// <summary>The API areas that scopes are granted for, one per service.</summary>
    public static readonly IReadOnlyList<string> Areas = [.. RouteTable.Areas.Select(a => a.Area)];

    /// <summary>Every scope a client can be given.</summary>
    public static readonly IReadOnlySet<string> All = Areas
        .SelectMany(area => new[] { Read(area), Write(area) })
        .Append(ProjectsReview)
        .Append(Admin)
        .ToHashSet(StringComparer.Ordinal);

    public static string Read(string area) => area + ":read";

    public static string Write(string area) => area + ":write";

    /// <summary>The scope a request with <paramref name="method"/> needs in <paramref name="area"/>.</summary>
    public static string RequiredFor(string area, string method) =>
        area == Admin ? Admin
        : HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Read(area)
        : Write(area);

    public static bool Grant(IEnumerable<string> granted, string required) =>
        granted.Any(scope => scope == Admin || scope == required);
}
