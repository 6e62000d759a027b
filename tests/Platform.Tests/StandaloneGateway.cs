using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// A second gateway of the running platform that the test owns: started as the orchestrator started the AppHost's
/// gateway (same program, arguments, directory and environment, so the same database, services and secrets) on ports of
/// its own, as a process the test can kill outright (SIGKILL, no shutdown) and start again. The orchestrator does not
/// know it, so no test depends on its stop command and the platform's own gateway is never disturbed.
/// </summary>
public sealed class StandaloneGateway : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly ProcessStartInfo _start;
    private readonly Uri _readiness;
    private readonly Queue<string> _output = new();
    private Process? _process;

    private StandaloneGateway(ProcessStartInfo start, Uri url, Uri readiness)
    {
        (_start, Url, _readiness) = (start, url, readiness);
    }

    /// <summary>The gateway's public address (the same before and after a restart).</summary>
    public Uri Url { get; }

    /// <summary>Starts a gateway like the platform's and waits until it is ready (its database reached).</summary>
    public static async Task<StandaloneGateway> StartAsync(PlatformFixture platform)
    {
        var running = await platform.App.ResourceNotifications.WaitForResourceAsync(
            "gateway", resource => resource.Snapshot.State?.Text == KnownResourceStates.Running);
        var snapshot = running.Snapshot;
        object? Property(string name) => snapshot.Properties.Single(property => property.Name == name).Value;

        var start = new ProcessStartInfo((string)Property("executable.path")!)
        {
            WorkingDirectory = (string)Property("executable.workDir")!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in ((IEnumerable)Property("executable.args")!).Cast<object>())
        {
            start.ArgumentList.Add(Convert.ToString(argument, CultureInfo.InvariantCulture)!);
        }

        // The orchestrator's process inherits this one's environment and adds the resource's; so does this one.
        foreach (var variable in snapshot.EnvironmentVariables.Where(variable => variable.IsFromSpec))
        {
            start.Environment[variable.Name] = variable.Value;
        }

        var (publicPort, managementPort) = FreePorts.Take(2) switch { var ports => (ports[0], ports[1]) };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{publicPort};http://127.0.0.1:{managementPort}";
        start.Environment["MANAGEMENT_PORT"] = managementPort.ToString(CultureInfo.InvariantCulture);
        var gateway = new StandaloneGateway(start, new Uri($"http://127.0.0.1:{publicPort}"), new Uri($"http://127.0.0.1:{managementPort}/health"));
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
        _process = Process.Start(_start) ?? throw new InvalidOperationException("The gateway did not start.");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (!await ReadyAsync(probe))
        {
            if (_process.HasExited || clock.Elapsed > StartTimeout)
            {
                string output;
                lock (_output)
                {
                    output = string.Join('\n', _output);
                }

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
        return ValueTask.CompletedTask;
    }

    private async Task<bool> ReadyAsync(HttpClient probe)
    {
        try
        {
            using var response = await probe.GetAsync(_readiness);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }
}
