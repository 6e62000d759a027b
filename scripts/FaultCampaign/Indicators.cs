using System.Diagnostics;
using System.Text.Json;

namespace CountyTech.FaultCampaign;

/// <summary>How far the indicators are from what the acknowledged writes add up to: writes lost, writes doubled.</summary>
internal sealed record Comparison(long Lost, long Duplicated, bool Equal, string Differences)
{
    public static Comparison Of(IReadOnlyDictionary<string, decimal?> actual, Tally tally)
    {
        var (expected, uncertain) = tally.Totals();
        var countedBy = tally.CountedBy();
        long lost = 0, duplicated = 0;
        var differences = new List<string>();
        foreach (var (code, want) in expected)
        {
            var have = actual.GetValueOrDefault(code) ?? 0;
            var maybe = uncertain.GetValueOrDefault(code);
            if (have >= want && have <= want + maybe)
            {
                continue;
            }

            differences.Add($"{code} {have} (acknowledged {want}{(maybe > 0 ? $", +{maybe} unresolved" : "")})");
            if (countedBy.TryGetValue(code, out var perWrite))
            {
                lost += have < want ? (long)Math.Ceiling((want - have) / perWrite) : 0;
                duplicated += have > want + maybe ? (long)Math.Ceiling((have - want - maybe) / perWrite) : 0;
            }
        }

        return new Comparison(lost, duplicated, differences.Count == 0, string.Join("; ", differences));
    }
}

/// <summary>Reads <c>GET /api/v1/reporting/indicators?year=</c> through the gateway and compares it with the tally.</summary>
internal sealed class Indicators(HttpClient http, Uri gateway, string apiKey, Tally tally)
{
    /// <summary>Compares until the indicators equal the acknowledged writes (the pipeline has drained) or <paramref name="patience"/> has passed.</summary>
    public async Task<(Comparison Comparison, TimeSpan Waited)> DrainedAsync(TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var comparison = await CompareAsync();
            if (comparison?.Equal == true || waited.Elapsed > patience)
            {
                return (comparison ?? new Comparison(0, 0, false, "the indicators could not be read through the gateway"), waited.Elapsed);
            }

            await Task.Delay(500);
        }
    }

    private async Task<Comparison?> CompareAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, $"/api/v1/reporting/indicators?year={WriteKinds.Year}"));
        request.Headers.Add("X-Api-Key", apiKey);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var values = body.RootElement.GetProperty("indicators").EnumerateArray().ToDictionary(
                i => i.GetProperty("code").GetString()!,
                i => i.GetProperty("value").ValueKind == JsonValueKind.Number ? i.GetProperty("value").GetDecimal() : (decimal?)null);
            return Comparison.Of(values, tally);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
