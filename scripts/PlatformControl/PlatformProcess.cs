using System.Globalization;
using CountyTech.ServiceDefaults;

namespace CountyTech.PlatformControl;

/// <summary>
/// A process of the running platform (a service or the gateway), found by the <c>OTEL_SERVICE_NAME</c> the orchestrator
/// gives it; its environment says its own address, connection strings and the gateway secret.
/// </summary>
public sealed record PlatformProcess(string Name, LinuxProcess Process)
{
    public int Pid => Process.Pid;

    public IReadOnlyDictionary<string, string> Environment => Process.Environment;

    /// <summary>The process's own listening address (not the orchestrator's proxy in front of it).</summary>
    public Uri Url => new(Environment["ASPNETCORE_URLS"].Split(';')[0].Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    public string ConnectionString(string name) => Environment["ConnectionStrings__" + name];

    /// <summary>Resident set size now, from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public long ResidentBytes() => ResidentBytesOf(Pid);

    public static long ResidentBytesOf(int pid) => KilobytesIn($"/proc/{pid}/status", "VmRSS:") * 1024;

    /// <summary>CPU time used so far (user and system), from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        var fields = LinuxProcess.StatFields(Pid) ?? throw new InvalidOperationException($"{Name} ({Pid}) has exited.");
        // utime and stime, in clock ticks of 1/100 s.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>
    /// Resident memory with each shared page divided among the processes that map it (the kernel's <c>Pss</c>): the
    /// framework's and the packages' files that every .NET process of the platform maps count once in all, not in each.
    /// </summary>
    public long ProportionalBytes() => KilobytesIn($"/proc/{Pid}/smaps_rollup", "Pss:") * 1024;

    private static long KilobytesIn(string file, string field)
    {
        var line = File.ReadLines(file).First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The processes of the platform whose gateway holds <paramref name="adminKey"/>, by name: the gateway, and every
    /// process given the same gateway secret (the orchestrator runs them detached, outside the AppHost's process tree).
    /// The <c>dotnet run</c> launchers are skipped.
    /// </summary>
    public static Dictionary<string, PlatformProcess> Find(string adminKey, IReadOnlyCollection<string> names)
    {
        var candidates = LinuxProcess.All()
            .Where(p => !p.Arguments.Contains("run") && p.Environment.TryGetValue("OTEL_SERVICE_NAME", out var name) && names.Contains(name)
                && p.Environment.ContainsKey("ASPNETCORE_URLS") && p.Environment.ContainsKey(GatewayProof.SecretVariable))
            .Select(p => new PlatformProcess(p.Environment["OTEL_SERVICE_NAME"], p))
            .ToList();
        var gateway = candidates.FirstOrDefault(p =>
            p.Name == "gateway" && p.Environment.GetValueOrDefault("COUNTYTECH_ADMIN_KEY") == adminKey);
        return gateway is null
            ? []
            : candidates
                .Where(p => p.Environment[GatewayProof.SecretVariable] == gateway.Environment[GatewayProof.SecretVariable])
                .GroupBy(p => p.Name)
                .ToDictionary(group => group.Key, group => group.First());
    }
}
