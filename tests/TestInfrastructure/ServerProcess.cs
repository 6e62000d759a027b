using System.Diagnostics;
using System.Runtime.InteropServices;
using CountyTech.LocalServers;

namespace CountyTech.Testing;

/// <summary>
/// A server process this test run started and owns: the tail of its output for error messages, readiness polled with
/// a deadline, and a stop by signal that falls back to killing the whole process tree.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private const int TailLines = 40;
    private const int Terminate = 15;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly string name;
    private readonly Queue<string> tail = new();

    private ServerProcess(Process process, string name)
    {
        this.process = process;
        this.name = name;
    }

    public static ServerProcess Start(string name, LocalCommandLine command, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (variable, value) in environment)
        {
            startInfo.Environment[variable] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var server = new ServerProcess(process, name);
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="probe"/> (a real client connection) until it succeeds.</summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task> probe, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
            {
                throw NotReady($"exited with code {process.ExitCode} before it was ready", null);
            }

            try
            {
                await probe(cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (Stopwatch.GetElapsedTime(started) > deadline)
                {
                    throw NotReady($"was not ready within {deadline.TotalSeconds:0} s", ex);
                }
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Stops the server with SIGTERM, as an orchestrator does; kills the process tree if it outlives a grace period.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!process.HasExited)
        {
            _ = Kill(process.Id, Terminate); // fails only when the process has just exited: nothing left to stop
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(StopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }
    }

    private InvalidOperationException NotReady(string what, Exception? lastProbeFailure)
    {
        lock (tail)
        {
            return new($"Private {name} {what}. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}", lastProbeFailure);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
