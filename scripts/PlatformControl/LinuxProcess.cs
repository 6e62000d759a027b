using System.Diagnostics;
using System.Globalization;

namespace CountyTech.PlatformControl;

/// <summary>
/// A process as <c>/proc</c> shows it: its parent, command line, environment and working directory: enough to start it
/// again as it was started (<see cref="StartAgain"/>), as the orchestrator would have.
/// </summary>
public sealed record LinuxProcess(int Pid, int ParentPid, string[] Arguments, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory)
{
    /// <summary>Every process this user may read now (one that exits meanwhile is left out).</summary>
    public static List<LinuxProcess> All()
    {
        var processes = new List<LinuxProcess>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid) is { } process)
            {
                processes.Add(process);
            }
        }

        return processes;
    }

    /// <summary>The process now, or null when it has exited.</summary>
    public static LinuxProcess? Read(int pid)
    {
        var dir = $"/proc/{pid}";
        if (TryRead(Path.Combine(dir, "environ")) is not { } environ
            || TryRead(Path.Combine(dir, "cmdline")) is not { } cmdline
            || StatFields(pid) is not { } stat
            || WorkingDirectoryOf(pid) is not { } directory)
        {
            return null;
        }

        var environment = environ.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0])
            .ToDictionary(group => group.Key, group => group.Last()[1]);
        var parent = int.Parse(stat[1], CultureInfo.InvariantCulture);
        return new LinuxProcess(pid, parent, cmdline.Split('\0', StringSplitOptions.RemoveEmptyEntries), environment, directory);
    }

    /// <summary>
    /// The fields of <c>/proc/&lt;pid&gt;/stat</c> after the command name (state, parent, …, user and system CPU time at
    /// 11 and 12), or null when the process has exited. The line is "pid (comm) state ppid …", and comm may hold spaces
    /// and parentheses, so the fields are read after the last ')'.
    /// </summary>
    public static string[]? StatFields(int pid) =>
        TryRead($"/proc/{pid}/stat") is { } stat ? stat[(stat.LastIndexOf(')') + 2)..].Split(' ') : null;

    /// <summary>
    /// Starts the same command line again, in the same directory, with the same environment but for
    /// <paramref name="overrides"/>; its output goes to <paramref name="log"/> (appended), or is discarded when null.
    /// </summary>
    public Process StartAgain(IReadOnlyDictionary<string, string>? overrides = null, string? log = null)
    {
        var start = new ProcessStartInfo(Arguments[0])
        {
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in Arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in Environment.Concat(overrides ?? new Dictionary<string, string>()))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Arguments[0]} did not start.");
        var writer = log is null ? null : new StreamWriter(log, append: true) { AutoFlush = true };
        var open = 2; // the writer is closed once both streams have ended (a null line)
        void Write(DataReceivedEventArgs line)
        {
            if (writer is null)
            {
                return;
            }

            lock (writer)
            {
                if (line.Data is not null)
                {
                    writer.WriteLine(line.Data);
                }
                else if (--open == 0)
                {
                    writer.Dispose();
                }
            }
        }

        process.OutputDataReceived += (_, line) => Write(line);
        process.ErrorDataReceived += (_, line) => Write(line);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The process's working directory, or null when it has exited meanwhile.</summary>
    private static string? WorkingDirectoryOf(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
