using System.Globalization;
using System.Text;

namespace CountyTech.FaultCampaign;

/// <summary>The summary table (Markdown), with how each fault is injected and what was checked after it.</summary>
internal static class Summary
{
    /// <summary>What RELIABILITY.md says before the full campaign's table.</summary>
    public const string Introduction = """
        # Reliability: the fault campaign (issue 10)

        `scripts/fault-campaign.sh` (the full form, which writes this file) and `scripts/fault-campaign.sh --short` (5 faults,
        in CI) start a private platform from the AppHost with no Docker: PostgreSQL and RabbitMQ run from the machine's
        binaries under a temporary directory, everything on loopback. Eight clients write through the gateway without pause
        on the four write areas: projects (submitted, approved, a variety recorded), enterprises (registered, a cooperation,
        an R&D centre), talent (an expert, a training, a demonstration base) and IP (a patent filed, a technology contract,
        an achievement), each POST with an `Idempotency-Key` and sent again with the same key after a 5xx or a dropped
        connection (a 503's `Retry-After` is shortened to 1 s) until acknowledged. Every acknowledgement is recorded with what
        it adds to the 2025 indicators.

        With one replica the AppHost points the gateway straight at the services' own ports (`AppHost/DirectServiceAddresses.cs`):
        the orchestrator's proxy in front of a service stops forwarding once the process it started has exited, even when
        another takes its port, so only that way is a service killed and started again by the campaign reached. For each fault, in turn: the load
        runs for a few seconds (the rate before), the fault is injected and ends (a killed process is started again at once
        with the same command line, environment, directory and port, read from `/proc`), the time until acknowledged writes
        a second are back to ≥ 0.9× the rate before is measured (over a 2 s window, from the end of the fault), then the load
        pauses and `GET /api/v1/reporting/indicators?year=2025` is compared with the acknowledged writes once the pipeline
        has drained. A fault passes when no write is lost or doubled, no answer is a 5xx other than 503 with `Retry-After`,
        the killed process serves again (its `/health` and the gateway reaching it) and throughput is back within 30 s.


        """;

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
        if (r.Lost > 0 || r.Duplicated > 0 || !r.Comparison.Equal)
        {
            reasons.Add($"indicators differ ({r.Comparison.Differences})");
        }

        if (r.RateBefore == 0)
        {
            reasons.Add("no write was acknowledged before the fault");
        }

        if (!r.Ready)
        {
            reasons.Add("the process did not serve again within 5 min");
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
