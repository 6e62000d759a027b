using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// The calling client, as the gateway vouches for it (it strips any inbound copy of the header and sets its own):
/// put on the request's span and in the log scope of everything the request writes, for audit. For services behind
/// the gateway only; the gateway itself never trusts the header.
/// </summary>
public static class CallerIdentity
{
    public const string HeaderName = "X-CountyTech-Client-Id";
    public const string TagName = "countytech.client_id";

    public static IApplicationBuilder UseCallerIdentity(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CountyTech.Audit");
        return app.Use(async (context, next) =>
        {
            if (context.Request.Headers[HeaderName].ToString() is not { Length: > 0 } clientId)
            {
                await next(context);
                return;
            }

            Activity.Current?.SetTag(TagName, clientId);
            using (logger.BeginScope(new Dictionary<string, object> { ["ClientId"] = clientId }))
            {
                await next(context);
            }
        });
    }
}
