using System.Globalization;

namespace CountyTech.Benchmarks;

/// <summary>How long and how big each measurement is: the full run, or the smoke run that only checks the table is produced.</summary>
internal sealed record Settings(
    bool Smoke, TimeSpan HttpDuration, TimeSpan WriteDuration, int RelayMessages, int ApplyMessages, int SmallScale, int LargeScale,
    int QueryRepeats, int HttpRounds)
{
    public static readonly Settings Full = new(false, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20), 5_000, 5_000, 100_000, 10_000_000, 7, 3);

    public static readonly Settings SmokeRun = new(true, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), 300, 300, 1_000, 10_000, 3, 1);
}

/// <summary>The command line run.sh passes.</summary>
internal sealed record Arguments(Settings Settings, DateTimeOffset Started, string WorkDirectory, string Output, IReadOnlySet<string> Only)
{
    /// <summary>The measurements, in the order they run; <c>--only</c> takes a comma-separated subset.</summary>
    public static readonly IReadOnlyList<string> Measurements = ["idle", "gateway", "writes", "relay", "apply", "footprint", "indicators"];

    public bool Runs(string measurement) => Only.Count == 0 || Only.Contains(measurement);

    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");
        var started = double.Parse(Required("--started"), CultureInfo.InvariantCulture);
        return new Arguments(
            Required("--mode") == "smoke" ? Settings.SmokeRun : Settings.Full,
            DateTimeOffset.FromUnixTimeMilliseconds((long)(started * 1000)),
            Required("--work"),
            Required("--out"),
            ParseOnly(values.GetValueOrDefault("--only", "")));
    }

    private static HashSet<string> ParseOnly(string list)
    {
        var only = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = only.Except(Measurements).ToList();
        return unknown.Count == 0
            ? only
            : throw new ArgumentException($"Unknown measurement(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Measurements)}.");
    }
}
