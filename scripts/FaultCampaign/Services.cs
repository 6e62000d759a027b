using System.Diagnostics;

namespace CountyTech.FaultCampaign;

/// <summary>
/// The platform's services and gateway, each killed with SIGKILL and started again as the orchestrator started it (same
/// command, environment, directory and port); ready again once its own <c>/health</c> answers and the gateway (through
/// the orchestrator's proxy) reaches it.
/// </summary>
internal sealed class Services(RunningPlatform platform, string apiKey, StartedProcesses started)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>What the gateway is asked, to see that it reaches each service.</summary>
    private static readonly Dictionary<string, string> ReachedBy = new()
    {
        ["projects"] = "/api/v1/projects?pageSize=1",
        ["enterprises"] = "/api/v1/enterprises?pageSize=1",
        ["talent"] = "/api/v1/talent/experts?pageSize=1",
        ["ip"] = "/api/v1/ip/patents?pageSize=1",
        ["reporting"] = "/api/v1/reporting/status",
        ["gateway"] = "/health",
    };

    private readonly Dictionary<string, LinuxProcess> _current = platform.Processes.ToDictionary(p => p.Key, p => p.Value.Process);

    /// <summary>
    /// SIGKILL to <paramref name="name"/>, then it started again (with <paramref name="overrides"/> in its environment);
    /// returns once started. <see cref="ReadyAsync"/> then waits until it serves.
    /// </summary>
    public async Task KillAndStartAsync(string name, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var process = _current[name];
        await Signals.SendAsync("KILL", [process.Pid]);
        if (!await Signals.GoneAsync([process.Pid], TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"{name} did not die of SIGKILL within 10 s.");
        }

        _current[name] = started.StartAgain(name, process, overrides);
    }

    /// <summary>Whether <paramref name="name"/> answers its <c>/health</c> and the gateway reaches it, within five minutes (a loaded machine).</summary>
    public async Task<bool> ReadyAsync(string name)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await RunningPlatform.HealthyAsync(probe, platform.Processes[name].Url) && await ReachedAsync(probe, ReachedBy[name]))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    public string ConnectionString(string name, string connection) => _current[name].Environment["ConnectionStrings__" + connection];

    private async Task<bool> ReachedAsync(HttpClient probe, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Gateway, path));
        request.Headers.Add("X-Api-Key", apiKey);
        try
        {
            using var response = await probe.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
