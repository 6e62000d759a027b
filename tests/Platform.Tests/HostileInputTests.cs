using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CountyTech.Testing;
using Npgsql;

namespace CountyTech.Platform.Tests;

/// <summary>
/// Every POST and PUT of every deployed service, generated from its OpenAPI schema, under hostile bodies: malformed
/// JSON, wrong types, missing and extra fields, NUL and control characters, 1 MB strings, ±1e308 and 1e-10, impossible
/// and far-off dates, markup and SQL. Never a 5xx; a bad field is a 400 naming it; nothing is written (the row counts of
/// the service's database, its outbox included, do not move); and the county's indicators still answer afterwards.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HostileInputTests(PlatformFixture platform)
{
    private const string OneMegabyte = "x";

    [Fact]
    public async Task No_hostile_body_gets_a_5xx_or_writes_anything()
    {
        var operations = (await ApiOperation.ReadAllAsync(platform))
            .Where(o => o.Service != "gateway" && o.Method is "POST" or "PUT" && o.Body is { Count: > 0 }).ToList();
        Assert.Contains(operations, o => o.PathTemplate == "/api/v1/projects" && o.Method == "POST");
        Assert.Contains(operations, o => o.PathTemplate == "/api/v1/reporting/baselines/{year}");
        var key = await platform.RegisterClientAsync("恶意输入测试", "admin");
        using var client = platform.Gateway(key);

        var failures = new List<string>();
        foreach (var service in operations.GroupBy(o => o.Service))
        {
            var database = await platform.ConnectionStringAsync(service.Key + "-db");
            var before = await SettledCountsAsync(database!);
            foreach (var operation in service)
            {
                foreach (var (description, body, field) in HostileBodies(operation.Body!))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path())
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    using var response = await client.SendAsync(request);
                    var answer = await response.Content.ReadAsStringAsync();
                    var at = $"{operation.Method} {operation.PathTemplate} with {description}";
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{at}: {(int)response.StatusCode} {answer}");
                    }
                    else if (response.StatusCode != HttpStatusCode.BadRequest)
                    {
                        failures.Add($"{at}: expected 400, got {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 300)]}");
                    }
                    else if (field is not null && !NamesField(answer, field))
                    {
                        failures.Add($"{at}: the 400 does not name {field}: {answer}");
                    }
                }
            }

            var after = await SettledCountsAsync(database!);
            foreach (var (table, count) in after.Where(t => before.GetValueOrDefault(t.Key) != t.Value))
            {
                failures.Add($"{service.Key}-db.{table} went from {before.GetValueOrDefault(table)} to {count} rows");
            }
        }

        using var reader = platform.Gateway(await platform.RegisterClientAsync("恶意输入后读指标", "reporting:read"));
        await reader.GetAsync("/api/v1/reporting/indicators?year=2025").JsonAsync(HttpStatusCode.OK);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Bodies with one hostile part each: what it is, the JSON, and the field a 400 must name (null: the whole body or several).</summary>
    private static IEnumerable<(string Description, string Body, string? Field)> HostileBodies(IReadOnlyList<BodyField> fields)
    {
        var valid = new JsonObject();
        foreach (var field in fields)
        {
            valid[field.Name] = Plausible(field);
        }

        yield return ("malformed JSON", "{\"" + fields[0].Name + "\": ", null);
        yield return ("an array for the body", "[]", null);
        yield return ("a bare string for the body", "\"text\"", null);
        yield return ("no fields but an unexpected one", WithExtra(new JsonObject()), null);
        foreach (var field in fields)
        {
            foreach (var (description, value, named) in Hostile(field))
            {
                var body = valid.DeepClone().AsObject();
                body[field.Name] = value;
                // Values a field may legitimately hold go alone, so the request is refused for the missing others.
                yield return ($"{field.Name} = {description}", named ? body.ToJsonString() : new JsonObject { [field.Name] = value?.DeepClone() }.ToJsonString(),
                    named ? field.Name : null);
            }

            var extra = valid.DeepClone().AsObject();
            extra[field.Name] = "\u0000";
            yield return ($"{field.Name} = NUL, plus an unexpected field", WithExtra(extra), field.Name);
        }
    }

    private static string WithExtra(JsonObject body)
    {
        body["unexpected"] = "<script>alert(1)</script>";
        return body.ToJsonString();
    }

    private static JsonNode? Plausible(BodyField field) => field.Kind switch
    {
        "enum" => field.EnumValues.Count > 0 ? field.EnumValues[0] : "x",
        "number" => 1,
        "boolean" => true,
        "date" => "2025-01-01",
        "uuid" => null, // a reference to another record (a household's commissioner): left out, as it may be
        "array" => new JsonArray(),
        "object" => new JsonObject(),
        _ => "测试值",
    };

    /// <summary>Hostile values for a field; <c>named</c> when the 400 must name the field.</summary>
    private static IEnumerable<(string Description, JsonNode? Value, bool Named)> Hostile(BodyField field)
    {
        yield return ("NUL", "\u0000", true);
        yield return ("a control character", "a\u0007b", true);
        yield return ("an object", new JsonObject { ["nested"] = 1 }, true);
        switch (field.Kind)
        {
            case "string":
                yield return ("1 MB", new string(OneMegabyte[0], 1_000_000), true);
                yield return ("a number", 12345, true);
                yield return ("markup", "<script>alert(1)</script>", false);
                yield return ("SQL", "' OR 1=1 --", false);
                break;
            case "number":
                yield return ("1e308", JsonNode.Parse("1e308"), true);
                yield return ("-1e308", JsonNode.Parse("-1e308"), true);
                yield return ("0.0000000001", JsonNode.Parse("0.0000000001"), true);
                yield return ("true", true, true);
                break;
            case "date":
                yield return ("2025-02-30", "2025-02-30", true);
                yield return ("9999-12-31", "9999-12-31", true);
                yield return ("a number", 20250101, true);
                break;
            case "enum":
                yield return ("an unknown name", "no-such-value", true);
                yield return ("a number", 3, true);
                break;
            case "boolean":
                yield return ("a string", "yes", true);
                break;
        }
    }

    private static bool NamesField(string answer, string field)
    {
        using var problem = JsonDocument.Parse(answer);
        return problem.RootElement.TryGetProperty("errors", out var errors)
            && errors.EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)
                || e.Name.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)
                || e.Name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The row count of every table of a database (its consumers' inbox aside), once it has stopped moving for a second:
    /// events of earlier tests may still be arriving at a consumer.
    /// </summary>
    private static async Task<Dictionary<string, long>> SettledCountsAsync(string connectionString)
    {
        Dictionary<string, long>? previous = null;
        var stableSince = DateTime.UtcNow;
        return await Eventually.UntilAsync(async () =>
        {
            var counts = await CountsAsync(connectionString);
            if (previous is null || !previous.OrderBy(p => p.Key).SequenceEqual(counts.OrderBy(c => c.Key)))
            {
                (previous, stableSince) = (counts, DateTime.UtcNow);
            }

            return counts;
        }, _ => DateTime.UtcNow - stableSince >= TimeSpan.FromSeconds(1), "the database to settle", TimeSpan.FromSeconds(60));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('inbox_message', '__EFMigrationsHistory')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
