using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CountyTech.PlatformControl;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// A second gateway of the running platform that the test owns: the orchestrator's gateway process started again
/// (<see cref="LinuxProcess.StartAgain"/>: same program, arguments, directory and environment, so the same database,
/// services and secrets) on ports of its own, as a process the test can kill outright (SIGKILL, no shutdown) and start
/// again. The orchestrator does not know it, so no test depends on its stop command and the platform's own gateway is
/// never disturbed.
/// </summary>
public sealed class StandaloneGateway : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly LinuxProcess _template;
    private readonly Dictionary<string, string> _ports;
    private readonly Uri _management;
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"standalone-gateway-{Guid.NewGuid():N}.log");
    private Process? _process;

    private StandaloneGateway(LinuxProcess template, int publicPort, int managementPort)
    {
        _template = template;
        Url = new Uri($"http://127.0.0.1:{publicPort}");
        _management = new Uri($"http://127.0.0.1:{managementPort}");
        _ports = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"{Url.OriginalString};{_management.OriginalString}",
            ["MANAGEMENT_PORT"] = managementPort.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The gateway's public address (the same before and after a restart).</summary>
    public Uri Url { get; }

    /// <summary>Starts a gateway like the platform's and waits until it is ready (its database reached).</summary>
    public static async Task<StandaloneGateway> StartAsync(PlatformFixture platform)
    {
        var running = await platform.App.ResourceNotifications.WaitForResourceAsync(
            "gateway", resource => resource.Snapshot.State?.Text == KnownResourceStates.Running);
        var pid = Convert.ToInt32(
            running.Snapshot.Properties.Single(property => property.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        var template = LinuxProcess.Read(pid) ?? throw new InvalidOperationException("The platform's gateway has exited.");
        var ports = FreePorts.Take(2);
        var gateway = new StandaloneGateway(template, ports[0], ports[1]);
        await gateway.RestartAsync();
        return gateway;
    }

    /// <summary>Starts the gateway again (after <see cref="Kill"/>) and waits until it is ready.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The gateway is still running.");
        }

        _process?.Dispose();
        _process = _template.StartAgain(_ports, _log);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (!await RunningPlatform.HealthyAsync(probe, _management))
        {
            if (_process.HasExited || clock.Elapsed > StartTimeout)
            {
                var output = string.Join('\n', File.ReadLines(_log).TakeLast(40));
                throw new InvalidOperationException(
                    $"The standalone gateway did not become ready ({(_process.HasExited ? "it exited" : "timed out")}):\n{output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Kills the gateway and everything it started, at once (SIGKILL): no request is finished, nothing is flushed.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    /// <summary>A client of this gateway that sends <paramref name="apiKey"/>.</summary>
    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Url };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        File.Delete(_log);
        return ValueTask.CompletedTask;
    }
}
