using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// The public entrance's readiness, every dependency checked (its database included), on a port of its own
/// (<c>MANAGEMENT_PORT</c>, given by the AppHost, reachable by the orchestrator and ops, never published). That port
/// answers <c>/health</c> with each check's state and nothing else; the public port's <c>/health</c> stays liveness.
/// </summary>
internal static class ManagementPort
{
    public const string Setting = "MANAGEMENT_PORT";

    public static void UseManagementHealth(this WebApplication app)
    {
        if (app.Configuration.GetValue<int?>(Setting) is not { } port)
        {
            return;
        }

        var readiness = new HealthCheckOptions { ResponseWriter = WriteChecksAsync };
        app.UseWhen(context => context.Connection.LocalPort == port, management => management
            .UseHealthChecks(Extensions.HealthPath, readiness)
            .Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
    }

    private static Task WriteChecksAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()),
        });
}
