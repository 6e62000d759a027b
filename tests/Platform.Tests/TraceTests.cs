using System.Net.Http.Json;
using CountyTech.Testing;
using System.Diagnostics;
using System.Net;
using Npgsql;

namespace CountyTech.Platform.Tests;

/// <summary>
/// One trace from the gateway request through the Projects service, its outbox relay and RabbitMQ to the Reporting
/// consumer: the trace id the gateway answers with is the one Reporting consumed the event under, whether the trace is
/// recorded or not (most are not: <see cref="TraceSamplingTests"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TraceTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("01")]
    [InlineData("00")]
    public async Task The_reporting_consumer_runs_in_the_trace_of_the_gateway_request(string callerFlags)
    {
        var writer = await platform.RegisterClientAsync("追踪测试" + callerFlags, "projects:write");
        using var client = platform.Gateway(writer);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects");
        request.Headers.Add("traceparent", $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-{callerFlags}");
        request.Content = JsonContent.Create(new
        {
            title = "链路追踪验证项目",
            level = "county",
            field = "industry",
            leadOrganization = "县工业园区管委会",
            township = "工业园区",
            plannedStart = "2024-01-01",
            plannedEnd = "2024-06-30",
            budgetWan = 5,
        });
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var traceparent = Assert.Single(response.Headers.GetValues("traceparent"));
        var trace = ActivityContext.Parse(traceparent, null);
        Assert.Equal(callerFlags == "01", trace.TraceFlags.HasFlag(ActivityTraceFlags.Recorded));
        var traceId = trace.TraceId.ToHexString();
        var projectId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content))
            .GetProperty("id").GetString();

        await using var reporting = new NpgsqlConnection(await platform.ConnectionStringAsync("reporting-db"));
        await reporting.OpenAsync();
        var consumedUnder = await Eventually.UntilAsync(async () =>
        {
            await using var query = new NpgsqlCommand(
                "SELECT trace_id FROM event_log WHERE event_type LIKE '%ProjectSubmitted' AND payload->>'projectId' = @id", reporting);
            query.Parameters.AddWithValue("id", projectId!);
            return await query.ExecuteScalarAsync() as string;
        }, found => found is not null, "Reporting to log the submission", TimeSpan.FromSeconds(60));

        Assert.Equal(traceId, consumedUnder);
    }
}
