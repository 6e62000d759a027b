using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CountyTech.ServiceDefaults;

/// <summary>A figure a write changed: its field, the value before (null when the record is new) and after.</summary>
public sealed record FigureChange(string Field, decimal? OldValue, decimal? NewValue);

/// <summary>
/// How a service tells the gateway's audit trail what a write changed (审计留痕): the changed figures as JSON in
/// <see cref="HeaderName"/> on its answer, which the gateway records with the request and takes off the answer.
/// </summary>
public static class AuditChanges
{
    public const string HeaderName = "X-CountyTech-Changes";

    private static readonly JsonSerializerOptions Json = Extensions.ConfigureJson(new JsonSerializerOptions());

    /// <summary>The figures of <paramref name="after"/> that differ from <paramref name="before"/> (all of them when it is new).</summary>
    public static IReadOnlyList<FigureChange> Between(
        IReadOnlyDictionary<string, decimal>? before, IReadOnlyDictionary<string, decimal> after) =>
        [.. after.Where(figure => before is null || !before.TryGetValue(figure.Key, out var old) || old != figure.Value)
            .Select(figure => new FigureChange(figure.Key, before?.GetValueOrDefault(figure.Key), figure.Value))];

    public static void Report(HttpContext context, IReadOnlyList<FigureChange> changes)
    {
        if (changes.Count > 0)
        {
            context.Response.Headers[HeaderName] = JsonSerializer.Serialize(changes, Json);
        }
    }
}
