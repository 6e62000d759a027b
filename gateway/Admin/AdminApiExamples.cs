using System.Text.Json;
using CountyTech.BureauRules;
using CountyTech.Gateway.Audit;
using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Authorization;
using CountyTech.Gateway.Routing;
using CountyTech.ServiceDefaults;

namespace CountyTech.Gateway.Admin;

/// <summary>
/// The examples of the gateway's admin API (示例), all in one place: the county statistics bureau's app registered with
/// the scopes to enter baselines, and the audit entry of its entering the 2025 baseline.
/// </summary>
internal static class AdminApiExamples
{
    private static readonly Guid ClientId = Guid.Parse("0193e503-1a2b-7c3d-8e4f-5a6b7c8d9e0f");
    private const string ClientName = "县统计局基础数据填报系统";
    private static readonly IReadOnlyList<string> ClientScopes = [Scopes.Read(RouteTable.Reporting.Area), Scopes.Write(RouteTable.Reporting.Area)];
    private const string BaselinePath = "/api/v1/reporting/baselines/2025";

    private static readonly ClientSummary Client = new(
        ClientId, ClientName, ClientKind.DepartmentApp, ClientScopes, 120, new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero),
        ClientIds.Bootstrap, null);

    private static readonly AuditEntryResponse AuditEntry = new(
        new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero), ClientIds.ForKey(ClientId), ClientName, "PUT", BaselinePath,
        ResourceIds.FromPath(BaselinePath), StatusCodes.Status200OK, "4bf92f3577b34da6a3ce929d0e0e4736", false,
        JsonSerializer.Serialize<IReadOnlyList<FigureChange>>(
            [new FigureChange("rdExpenditureWan", 3_600m, 3_900m), new FigureChange("fiscalScienceExpenditureWan", 4_380m, 4_620m)],
            ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions())));

    public static readonly IReadOnlyDictionary<Type, object> All = new Dictionary<Type, object>
    {
        [typeof(RegisterClientRequest)] = new RegisterClientRequest(ClientName, ApiEnum.Name(ClientKind.DepartmentApp), ClientScopes, 120),
        [typeof(RegisteredClient)] = new RegisteredClient(ClientId, ClientName, ClientKind.DepartmentApp, ClientScopes, 120,
            "ct_BAbvFmr_KCgtTxdMI2vFJOIaqn43rwnEMmHK4mofNOo"),
        [typeof(ClientSummary)] = Client,
        [typeof(PagedList<ClientSummary>)] = new PagedList<ClientSummary>([Client], 1, 50, 1),
        [typeof(AuditEntryResponse)] = AuditEntry,
        [typeof(PagedList<AuditEntryResponse>)] = new PagedList<AuditEntryResponse>([AuditEntry], 1, 50, 1),
    };
}
