using System.Diagnostics;
using System.Reflection.PortableExecutable;
using CountyTech.PlatformControl;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 4: each process's resident memory after the load, and its start-up time to ready: a second instance of
/// each, started as the orchestrator started the first (same command, environment and directory, another port), timed
/// from the start to its first healthy <c>/health</c> (database and broker reached), and its resident memory then.
/// </summary>
internal static class Footprint
{
    private const long Limit = 150L * 1024 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static void ResidentMemory(RunningPlatform platform, Results results)
    {
        foreach (var process in platform.Processes.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var bytes = process.ResidentBytes();
            results.Add(new ResultRow($"resident memory after the load: {process.Name}", $"{bytes / 1024 / 1024} MB",
                $"{process.ProportionalBytes() / 1024 / 1024} MB with shared pages divided (PSS)", null, "≤ 150 MB", bytes <= Limit));
        }
    }

    /// <summary>
    /// What each process costs while nobody calls it (timers, the relay looking for due rows, telemetry exports): its CPU
    /// time over <paramref name="window"/> with no load, as a share of one core, after as long again to settle from start-up.
    /// </summary>
    public static async Task IdleCpuAsync(RunningPlatform platform, TimeSpan window, Results results)
    {
        await Task.Delay(window);
        var processes = platform.Processes.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var before = processes.Select(p => p.CpuTime()).ToList();
        await Task.Delay(window);
        for (var i = 0; i < processes.Count; i++)
        {
            var share = (processes[i].CpuTime() - before[i]) / window;
            results.Add(new ResultRow($"CPU with no request, {window.TotalSeconds:0} s: {processes[i].Name}",
                $"{Results.Number(share * 100, "0.0")} % of a core", "", null, "", null));
        }
    }

    public static async Task StartUpAsync(RunningPlatform platform, Results results)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var process in platform.Processes.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var url = new Uri($"http://127.0.0.1:{LocalPorts.Free()}");
            var clock = Stopwatch.StartNew();
            using var instance = process.Process.StartAgain(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/') });
            try
            {
                var healthy = false;
                while (!instance.HasExited && clock.Elapsed < Patience && !(healthy = await RunningPlatform.HealthyAsync(probe, url)))
                {
                    await Task.Delay(25);
                }

                var seconds = clock.Elapsed.TotalSeconds;
                // What the process holds before anyone calls it: the floor under the resident memory after the load.
                var ready = healthy ? $"{PlatformProcess.ResidentBytesOf(instance.Id) / 1024 / 1024} MB resident when healthy, before any request" : "";
                results.Add(new ResultRow($"start-up to healthy: {process.Name} (a second instance, Release, {CompiledAs(process.Process)})",
                    healthy ? $"{Results.Number(seconds, "0.00")} s" : instance.HasExited ? "exited" : $"> {Patience.TotalSeconds:0} s",
                    ready, null, "≤ 5 s", healthy && seconds <= 5));
            }
            finally
            {
                await StopAsync(instance);
            }
        }
    }

    /// <summary>
    /// "ReadyToRun" when the process's own assembly carries code compiled ahead of time (a build with
    /// <c>-p:ReadyToRunPlatform=true</c>, as <c>.ci/start</c> and this script's own build make), otherwise "JIT".
    /// </summary>
    private static string CompiledAs(LinuxProcess process)
    {
        var program = Path.GetFileName(process.Arguments[0]) == "dotnet" ? process.Arguments[1] : process.Arguments[0] + ".dll";
        using var assembly = new PEReader(File.OpenRead(Path.Combine(process.WorkingDirectory, program)));
        return assembly.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0 ? "ReadyToRun" : "JIT";
    }

    private static async Task StopAsync(Process instance)
    {
        if (instance.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", instance.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await instance.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            instance.Kill(entireProcessTree: true);
        }
    }
}
