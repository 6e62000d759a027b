using System.Globalization;
using CountyTech.ServiceDefaults;

namespace CountyTech.Benchmarks;

/// <summary>
/// A process of the running platform (a service or the gateway), found in the AppHost's process tree by the
/// <c>OTEL_SERVICE_NAME</c> the orchestrator gives it; its environment says its own address, connection strings and the
/// gateway secret.
/// </summary>
internal sealed record PlatformProcess(string Name, int Pid, IReadOnlyDictionary<string, string> Environment, string[] Arguments, string WorkingDirectory)
{
    /// <summary>The process's own listening address (not the orchestrator's proxy in front of it).</summary>
    public Uri Url => new(Environment["ASPNETCORE_URLS"].Split(';')[0].Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    public string ConnectionString(string name) => Environment["ConnectionStrings__" + name];

    /// <summary>Resident set size now, from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public long ResidentBytes() => ResidentBytesOf(Pid);

    public static long ResidentBytesOf(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// The processes of the platform whose gateway holds <paramref name="adminKey"/>, by name: the gateway, and every
    /// process given the same gateway secret (the orchestrator runs them detached, outside the AppHost's process tree).
    /// The <c>dotnet run</c> launchers are skipped.
    /// </summary>
    public static Dictionary<string, PlatformProcess> Find(string adminKey, IReadOnlyCollection<string> names)
    {
        var candidates = new List<PlatformProcess>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)
                || TryRead(Path.Combine(dir, "environ")) is not { } environ
                || TryRead(Path.Combine(dir, "cmdline")) is not { } cmdline)
            {
                continue;
            }

            var arguments = cmdline.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var environment = environ.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .GroupBy(pair => pair[0])
                .ToDictionary(group => group.Key, group => group.Last()[1]);
            if (!arguments.Contains("run") && environment.TryGetValue("OTEL_SERVICE_NAME", out var name) && names.Contains(name)
                && environment.ContainsKey("ASPNETCORE_URLS") && environment.ContainsKey(GatewayProof.SecretVariable))
            {
                if (WorkingDirectoryOf(pid) is { } directory)
                {
                    candidates.Add(new PlatformProcess(name, pid, environment, arguments, directory));
                }
            }
        }

        var gateway = candidates.FirstOrDefault(p =>
            p.Name == "gateway" && p.Environment.GetValueOrDefault("COUNTYTECH_ADMIN_KEY") == adminKey);
        return gateway is null
            ? []
            : candidates
                .Where(p => p.Environment[GatewayProof.SecretVariable] == gateway.Environment[GatewayProof.SecretVariable])
                .GroupBy(p => p.Name)
                .ToDictionary(group => group.Key, group => group.First());
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
