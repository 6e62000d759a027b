using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Transforms;

namespace CountyTech.Benchmarks;

/// <summary>
/// The least any YARP gateway does: Kestrel and YARP's forwarder in this process, forwarding every request to
/// <paramref name="destination"/> with the <paramref name="headers"/> of each request added (the proof that the platform's
/// gateway signs per request, which the services require), and nothing else: no key check, rate limit, audit, tracing or
/// metrics. What it costs on this machine is what the platform's gateway cannot go below.
/// </summary>
internal sealed class BareProxy(WebApplication app) : IAsyncDisposable
{
    public Uri Address { get; } = new(app.Urls.Single());

    public static async Task<BareProxy> StartAsync(Uri destination, Func<IReadOnlyDictionary<string, string>> headers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.MapForwarder("/{**path}", destination.GetLeftPart(UriPartial.Authority), transforms => transforms.AddRequestTransform(context =>
        {
            foreach (var (name, value) in headers())
            {
                context.ProxyRequest.Headers.Remove(name);
                context.ProxyRequest.Headers.Add(name, value);
            }

            return ValueTask.CompletedTask;
        }));
        await app.StartAsync();
        return new BareProxy(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
