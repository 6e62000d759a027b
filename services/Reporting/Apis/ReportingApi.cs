using CountyTech.BureauRules;
using CountyTech.ServiceDefaults;

namespace CountyTech.Reporting.Apis;

/// <summary>The public API of Reporting under <c>/api/v1/reporting</c> (county-wide indicators).</summary>
public static class ReportingApi
{
    public const string BasePath = "/api/v1/reporting";

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).WithAreaScopes("reporting");
        api.MapBaselinesApi();
        api.MapIndicatorsApi();
        api.MapReportsApi();
        api.MapEventLogApi();
        return app;
    }

    /// <summary>The current year in the bureau's calendar, the reference of the valid year range.</summary>
    internal static int CurrentYear(TimeProvider clock) => BureauCalendar.Today(clock).Year;
}
