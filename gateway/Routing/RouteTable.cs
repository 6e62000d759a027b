namespace CountyTech.Gateway.Routing;

/// <summary>A public API area (<c>/api/v1/&lt;area&gt;</c>) and the service that owns it.</summary>
internal sealed record ServiceArea(string Area, string Service)
{
    public string PathPrefix => "/api/v1/" + Area;
}

/// <summary>
/// An operation in a service's area that needs a scope of its own rather than the area's read or write scope:
/// <c>admin</c>, or <c>projects:review</c> for the review actions (API.md's scope table).
/// </summary>
internal sealed record ReservedOperation(string Name, string Method, string Path, ServiceArea Owner, string Scope);

/// <summary>
/// The gateway's route table (路由表), all of it: every area of API.md forwarded unchanged to its service
/// (<c>http://&lt;service&gt;</c>, found by service discovery), and the operations reserved to a scope of their own.
/// </summary>
internal static class RouteTable
{
    public static readonly ServiceArea Projects = new("projects", "projects");         // 科技项目
    public static readonly ServiceArea Enterprises = new("enterprises", "enterprises"); // 创新主体
    public static readonly ServiceArea Talent = new("talent", "talent");               // 人才
    public static readonly ServiceArea Ip = new("ip", "ip");                           // 知识产权与成果转化
    public static readonly ServiceArea Reporting = new("reporting", "reporting");      // 科技统计与工作汇报

    public static readonly IReadOnlyList<ServiceArea> Areas = [Projects, Enterprises, Talent, Ip, Reporting];

    /// <summary>
    /// The staff who submit a project are not the ones who approve, reject, fund or accept it: those need
    /// <c>projects:review</c>. Rebuilding Reporting's projections is for administrators.
    /// </summary>
    public static readonly IReadOnlyList<ReservedOperation> ReservedOperations =
    [
        new("reporting-rebuild", HttpMethods.Post, "/api/v1/reporting/rebuild", Reporting, Authorization.Scopes.Admin),
        .. new[] { "approval", "rejection", "disbursements", "acceptance" }.Select(action => new ReservedOperation(
            "projects-" + action, HttpMethods.Post, $"/api/v1/projects/{{id}}/{action}", Projects, Authorization.Scopes.ProjectsReview)),
    ];

    /// <summary>Where a service's OpenAPI document is served at the gateway.</summary>
    public static string OpenApiPath(string service) => $"/openapi/{service}.json";

    /// <summary>Where every service serves its own OpenAPI document.</summary>
    public const string ServiceOpenApiPath = "/openapi/v1.json";
}
