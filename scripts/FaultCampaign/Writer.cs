using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CountyTech.FaultCampaign;

/// <summary>
/// Sends one write as a careful client does: with an <c>Idempotency-Key</c>, and again with the same key after a 5xx, a
/// dropped connection or a "request in progress" 409, until it is acknowledged (2xx) or <see cref="Patience"/> has passed.
/// So a write is acknowledged once however often it was sent, and every answer is counted in the <see cref="Tally"/>.
/// </summary>
internal sealed class Writer(HttpClient http, Uri gateway, string apiKey, Tally tally)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>The longest wait between attempts: a 503's Retry-After (5 s) is shortened so recovery shows within a second.</summary>
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    /// <summary>The id the acknowledgement names (<see cref="Guid.Empty"/> when it names none), or null when not acknowledged.</summary>
    public async Task<Guid?> PostAsync(string kind, string path, object body, IReadOnlyDictionary<string, decimal> adds)
    {
        var key = Guid.NewGuid().ToString();
        var giveUp = tally.Now + Patience;
        while (true)
        {
            var pause = TimeSpan.FromMilliseconds(200);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, path)) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", apiKey);
            request.Headers.Add("Idempotency-Key", key);
            try
            {
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    tally.Acknowledged(adds);
                    return IdOf(await response.Content.ReadAsStringAsync());
                }

                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    var retryAfter = response.Headers.RetryAfter?.Delta;
                    tally.ServerError(status, retryAfter is not null);
                    pause = retryAfter is { } wait && wait < LongestPause ? wait : status == 503 && retryAfter is not null ? LongestPause : pause;
                }
                else if (response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("in progress", StringComparison.OrdinalIgnoreCase))
                {
                    // The first attempt is still running (its caller, the gateway, was cut off): ask again for its answer.
                }
                else
                {
                    tally.Refused();
                    await Console.Error.WriteLineAsync($"{kind}: {status} {await response.Content.ReadAsStringAsync()}");
                    return null;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                tally.ConnectionFailed();
            }

            if (tally.Now > giveUp)
            {
                tally.Unresolved(adds);
                await Console.Error.WriteLineAsync($"{kind}: not acknowledged within {Patience.TotalSeconds:0} s; given up.");
                return null;
            }

            await Task.Delay(pause);
        }
    }

    private static Guid IdOf(string json)
    {
        using var document = JsonDocument.Parse(json.Length == 0 ? "{}" : json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var guid) ? guid : Guid.Empty;
    }
}
