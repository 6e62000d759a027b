using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CountyTech.Gateway.Tests;

/// <summary>What the downstream service saw of one forwarded request.</summary>
public sealed record EchoedRequest(Guid Id, string Method, string Path, Dictionary<string, string[]> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { } values
            ? string.Join(",", values)
            : null;
}

/// <summary>
/// A real Kestrel app on 127.0.0.1 standing in for the services: it records every request and answers with what it
/// saw (POST → 201 with a Location). Paths containing <c>/fail</c> answer 500; a path can be held until released or
/// answered with an extra header.
/// </summary>
public sealed class EchoService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<EchoedRequest> _seen = new();
    private readonly ConcurrentQueue<EchoedRequest> _answered = new();
    private readonly ConcurrentQueue<EchoedRequest> _aborted = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Header, string Value)> _headers = new(StringComparer.Ordinal);

    private EchoService(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<EchoService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var echo = new EchoService(builder.Build());
        echo._app.Run(echo.AnswerAsync);
        await echo._app.StartAsync();
        var address = echo._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        echo.Address = new Uri(address);
        return echo;
    }

    public IReadOnlyList<EchoedRequest> SeenAt(string path) =>
        [.. _seen.Where(r => r.Path.StartsWith(path, StringComparison.Ordinal))];

    /// <summary>The requests to <paramref name="path"/> that went on to their answer (the gateway did not cut them off).</summary>
    public IReadOnlyList<EchoedRequest> AnsweredAt(string path) =>
        [.. _answered.Where(r => r.Path.StartsWith(path, StringComparison.Ordinal))];

    /// <summary>The requests to <paramref name="path"/> that the gateway cut off while they were held.</summary>
    public IReadOnlyList<EchoedRequest> AbortedAt(string path) =>
        [.. _aborted.Where(r => r.Path.StartsWith(path, StringComparison.Ordinal))];

    /// <summary>Answers requests to <paramref name="path"/> with <paramref name="header"/> set to <paramref name="value"/>.</summary>
    public void AnswerWithHeader(string path, string header, string value) => _headers[path] = (header, value);

    /// <summary>Keeps requests to <paramref name="path"/> waiting until the returned source is completed.</summary>
    public TaskCompletionSource Hold(string path) =>
        _held.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var seen = new EchoedRequest(
            Guid.NewGuid(),
            request.Method,
            request.Path + request.QueryString,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? string.Empty).ToArray()),
            await reader.ReadToEndAsync(context.RequestAborted));
        _seen.Enqueue(seen);

        if (_held.TryGetValue(request.Path, out var hold))
        {
            try
            {
                await hold.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                _aborted.Enqueue(seen);
                throw;
            }
        }

        if (request.Path.Value!.Contains("/fail", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        if (HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Location = $"{request.Path}/{seen.Id}";
        }

        if (_headers.TryGetValue(request.Path, out var extra))
        {
            context.Response.Headers[extra.Header] = extra.Value;
        }

        _answered.Enqueue(seen);
        await context.Response.WriteAsJsonAsync(seen, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in _held.Values)
        {
            hold.TrySetCanceled();
        }

        await _app.DisposeAsync();
    }
}
