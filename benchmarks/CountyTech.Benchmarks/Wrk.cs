using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CountyTech.Benchmarks;

/// <summary>What one <c>wrk --latency</c> run reports.</summary>
internal sealed record WrkResult(double RequestsPerSecond, long Requests, long Failures, double MedianMs, double P99Ms)
{
    public double SucceededPerSecond => Requests == 0 ? 0 : RequestsPerSecond * (Requests - Failures) / Requests;
}

/// <summary>Runs <c>wrk</c> (HTTP load at a fixed number of connections) and reads its summary.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(
        Uri url, int connections, TimeSpan duration, IReadOnlyDictionary<string, string> headers, string? script = null)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "-t", Math.Min(connections, 2).ToString(CultureInfo.InvariantCulture),
                     "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s", "--timeout", "10s", "--latency",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {errors}{output}");
        }

        var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var failed = NonSuccessLine().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        failed += ErrorsLine().Match(output) is { Success: true } e
            ? e.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(
            double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture), requests, failed,
            Percentile(output, "50%"), Percentile(output, "99%"));
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s*(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex ErrorsLine();

    [GeneratedRegex(@"Requests/sec:\s*([\d.]+)")]
    private static partial Regex RateLine();
}
