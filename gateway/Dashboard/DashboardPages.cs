using Microsoft.Extensions.FileProviders;

namespace CountyTech.Gateway.Dashboard;

/// <summary>
/// The dashboard (指标看板) at <c>/dashboard/</c>: static files from <c>wwwroot/dashboard</c>, public by design (the
/// page holds no data; its calls to <c>/api/v1/reporting</c> carry the API key the user enters, which the browser keeps
/// for the session only). Served ahead of authorization, the one explicit exception to the fallback policy that
/// denies everything else without a key; rate limits still apply. Scripts, styles and the chart library come from the
/// gateway alone (Content-Security-Policy <c>'self'</c>), so the page works without internet.
/// </summary>
internal static class DashboardPages
{
    public const string Path = "/dashboard";

    private const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseDashboard(this WebApplication app)
    {
        var files = new PhysicalFileProvider(System.IO.Path.Combine(app.Environment.WebRootPath, "dashboard"));
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), dashboard => dashboard
            .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path })
            .UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                RequestPath = Path,
                OnPrepareResponse = static file =>
                {
                    var headers = file.Context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XContentTypeOptions = "nosniff";
                    headers.CacheControl = "no-cache";
                    headers["Referrer-Policy"] = "no-referrer";
                },
            }));
    }
}
