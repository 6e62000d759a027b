namespace CountyTech.Gateway.Routing;

/// <summary>A public API area (<c>/api/v1/&lt;area&gt;</c>) and the service that owns it.</summary>
internal sealed record ServiceArea(string Area, string Service)
{
    public string PathPrefix => "/api/v1/" + Area;
}

/// <summary>An operation that needs scope <c>admin</c> although it lies in a service's area.</summary>
internal sealed record AdminOperation(string Name, string Method, string Path, ServiceArea Owner);

/// <summary>
/// The gateway's route table (路由表), all of it: every area of API.md forwarded unchanged to its service
/// (<c>http://&lt;service&gt;</c>, found by service discovery), and the operations reserved to administrators.
/// </summary>
internal static class RouteTable
{
    public static readonly ServiceArea Projects = new("projects", "projects");         // 科技项目
    public static readonly ServiceArea Enterprises = new("enterprises", "enterprises"); // 创新主体
    public static readonly ServiceArea Talent = new("talent", "talent");               // 人才
    public static readonly ServiceArea Ip = new("ip", "ip");                           // 知识产权与成果转化
    public static readonly ServiceArea Reporting = new("reporting", "reporting");      // 科技统计与工作汇报

    public static readonly IReadOnlyList<ServiceArea> Areas = [Projects, Enterprises, Talent, Ip, Reporting];

    public static readonly IReadOnlyList<AdminOperation> AdminOperations =
    [
        new("reporting-rebuild", HttpMethods.Post, "/api/v1/reporting/rebuild", Reporting),
    ];

    /// <summary>Where a service's OpenAPI document is served at the gateway.</summary>
    public static string OpenApiPath(string service) => $"/openapi/{service}.json";

    /// <summary>Where every service serves its own OpenAPI document.</summary>
    public const string ServiceOpenApiPath = "/openapi/v1.json";
}
