using System.Globalization;

namespace CountyTech.PlatformControl;

/// <summary>What the machine is and how busy it is: the measurements are only comparable within one run.</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
            .Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gib = long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        return $"{Environment.ProcessorCount} × {model}, {gib:0.0} GiB, {Environment.OSVersion}, .NET {Environment.Version}";
    }

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
