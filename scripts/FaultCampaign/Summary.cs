using System.Globalization;
using System.Text;

namespace CountyTech.FaultCampaign;

/// <summary>The summary table (Markdown), with how each fault is injected and what was checked after it.</summary>
internal static class Summary
{
    public static string Markdown(string heading, IReadOnlyList<RoundResult> rounds, Comparison final, Tally tally)
    {
        var text = new StringBuilder(heading).Append("\n\n");
        text.Append("| # | fault | acknowledged | lost | duplicated | 5xx | of which 503 + Retry-After | 500 | rate before (writes/s) | recovery to ≥ 0.9× | drained in | passed |\n");
        text.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (var i = 0; i < rounds.Count; i++)
        {
            var r = rounds[i];
            text.Append(CultureInfo.InvariantCulture,
                $"| {i + 1} | {r.Fault.Name} | {r.Answers.Acknowledged} | {r.Lost} | {r.Duplicated} | {r.Answers.ServerErrors} | {r.Answers.Unavailable503} | {r.Answers.ServerErrors500} | " +
                $"{r.RateBefore:0.0} | {(r.Recovery is { } t ? $"{t.TotalSeconds:0.0} s" : $"> {Campaign.Watch.TotalSeconds:0} s")} | {r.Drained.TotalSeconds:0.0} s | {(r.Passed ? "yes" : "**no**")} |\n");
        }

        var answers = tally.Answers;
        text.Append(CultureInfo.InvariantCulture,
            $"\nIn all: {answers.Acknowledged} writes acknowledged; the indicators {(final.Equal ? "equal exactly what was acknowledged" : "differ: " + final.Differences)}. " +
            $"Answers retried: {answers.Unavailable503} × 503 with Retry-After, {answers.Unavailable503WithoutRetryAfter} × 503 without, " +
            $"{answers.ServerErrors500} × 500, {answers.OtherServerErrors} × other 5xx, {answers.ConnectionFailures} dropped connections; " +
            $"{answers.Refused} writes refused (4xx), {answers.Unresolved} never acknowledged.\n");
        var notes = rounds.Where(r => !r.Passed).Select(r => $"- {r.Fault.Name}: {Why(r)}").ToList();
        if (notes.Count > 0)
        {
            text.Append("\nFailed:\n").AppendJoin('\n', notes).Append('\n');
        }

        text.Append("\nHow each fault is injected:\n\n");
        foreach (var fault in rounds.Select(r => r.Fault).DistinctBy(f => f.Name))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {fault.Name}: {fault.How}.\n");
        }

        return text.ToString();
    }

    private static string Why(RoundResult r)
    {
        var reasons = new List<string>();
        if (r.Lost > 0 || r.Duplicated > 0 || r.Differences.Length > 0)
        {
            reasons.Add($"indicators differ ({r.Differences})");
        }

        if (!r.Ready)
        {
            reasons.Add("the process did not serve again within 2 min");
        }

        if (r.Recovery is not { } t || t > RoundResult.RecoveryGoal)
        {
            reasons.Add("throughput not back to 0.9× within 30 s");
        }

        if (r.Answers.ServerErrors500 + r.Answers.Unavailable503WithoutRetryAfter + r.Answers.OtherServerErrors > 0)
        {
            reasons.Add($"{r.Answers.ServerErrors500} × 500, {r.Answers.Unavailable503WithoutRetryAfter} × 503 without Retry-After, {r.Answers.OtherServerErrors} × other 5xx");
        }

        if (r.Answers.Refused + r.Answers.Unresolved > 0)
        {
            reasons.Add($"{r.Answers.Refused} refused, {r.Answers.Unresolved} never acknowledged");
        }

        return string.Join("; ", reasons);
    }
}
