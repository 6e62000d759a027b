using System.Diagnostics;
using System.Globalization;

namespace CountyTech.FaultCampaign;

/// <summary>
/// The processes the campaign started again in place of killed ones (children of the campaign, not of the orchestrator,
/// so stopping the AppHost would not stop them): their ids are listed in <c>started-pids</c> under the work directory
/// (for the script's clean-up should the campaign itself die), and disposing stops them.
/// </summary>
internal sealed class StartedProcesses(string workDirectory) : IAsyncDisposable
{
    private readonly List<Process> _started = [];

    /// <summary>Starts <paramref name="process"/> again with <paramref name="overrides"/>, its output in <c>&lt;name&gt;.log</c> under the work directory.</summary>
    public LinuxProcess StartAgain(string name, LinuxProcess process, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var started = process.StartAgain(overrides, Path.Combine(workDirectory, $"restarted-{name}.log"));
        _started.Add(started);
        File.AppendAllText(Path.Combine(workDirectory, "started-pids"), started.Id.ToString(CultureInfo.InvariantCulture) + "\n");
        var environment = new Dictionary<string, string>(process.Environment);
        foreach (var (variable, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[variable] = value;
        }

        return process with { Pid = started.Id, ParentPid = Environment.ProcessId, Environment = environment };
    }

    /// <summary>SIGTERM to each one still running, then (after 30 s) SIGKILL to what is left of its process tree.</summary>
    public async ValueTask DisposeAsync()
    {
        var running = _started.Where(p => !p.HasExited).ToList();
        foreach (var process in running)
        {
            await Signals.SendAsync("TERM", [process.Id]);
        }

        foreach (var process in running)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        foreach (var process in _started)
        {
            process.Dispose();
        }
    }
}
