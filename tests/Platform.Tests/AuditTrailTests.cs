using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The administrator answers "who changed this, and when?": after a scripted day of three clients (a submitting
/// department, the reviewers, the statistics bureau) and the administrator, the audit trail holds every write, refused
/// ones included, with client, time, status, resource and trace, the baseline's old and new figures, the registration
/// and revocation of a client by whom, and nothing the API could change.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditTrailTests(PlatformFixture platform)
{
    private const int Year = 2003;

    [Fact]
    public async Task Every_write_of_three_clients_is_in_the_trail_with_who_when_what_and_how_it_ended()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var submitter = await platform.RegisterAsync("县科技局项目申报系统", "projects:read", "projects:write");
        var reviewer = await platform.RegisterAsync("县科技局项目评审系统", "projects:review");
        var statistics = await platform.RegisterAsync("市统计局数据平台", "reporting:write");
        using var submitting = platform.Gateway(submitter.ApiKey);
        using var reviewing = platform.Gateway(reviewer.ApiKey);
        using var bureau = platform.Gateway(statistics.ApiKey);
        using var admin = platform.Gateway(platform.AdminKey);

        var project = await ProjectSteps.SubmitAsync(submitting, "审计镇");
        using var approval = await reviewing.PostAsJsonAsync($"/api/v1/projects/{project}/approval", new { approvedOn = "2025-03-01", fundingWan = 30 });
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        var approvalTrace = ActivityContext.Parse(Assert.Single(approval.Headers.GetValues("traceparent")), null).TraceId.ToHexString();
        await submitting.PostAsJsonAsync($"/api/v1/projects/{project}/approval", new { approvedOn = "2025-03-02", fundingWan = 99 })
            .ProblemAsync(HttpStatusCode.Forbidden);
        await reviewing.PostAsJsonAsync($"/api/v1/projects/{project}/disbursements", new { paidOn = "2025-04-01", amountWan = 31 })
            .ProblemAsync(HttpStatusCode.Conflict);

        var figures = new { gdpWan = 1000000m, population = 400000, generalBudgetExpenditureWan = 300000, fiscalScienceExpenditureWan = 6000, rdExpenditureWan = 9000 };
        await bureau.PutAsJsonAsync($"/api/v1/reporting/baselines/{Year}", figures).JsonAsync(HttpStatusCode.OK);
        await bureau.PutAsJsonAsync($"/api/v1/reporting/baselines/{Year}", figures with { gdpWan = 1020000.5m }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/clients/{statistics.Id}")).StatusCode);
        await bureau.PutAsJsonAsync($"/api/v1/reporting/baselines/{Year}", figures).ProblemAsync(HttpStatusCode.Unauthorized);

        var onProject = await TrailAsync(admin, $"resource={project}");
        Assert.Equal(
            [
                ($"key:{reviewer.Id}", "县科技局项目评审系统", $"/api/v1/projects/{project}/disbursements", 409),
                ($"key:{submitter.Id}", "县科技局项目申报系统", $"/api/v1/projects/{project}/approval", 403),
                ($"key:{reviewer.Id}", "县科技局项目评审系统", $"/api/v1/projects/{project}/approval", 200),
                ($"key:{submitter.Id}", "县科技局项目申报系统", "/api/v1/projects", 201),
            ],
            onProject.Select(e => (e.GetProperty("clientId").GetString(), e.GetProperty("clientName").GetString(), e.GetProperty("path").GetString(),
                e.GetProperty("status").GetInt32())));
        Assert.All(onProject, e => Assert.Equal("POST", e.GetProperty("method").GetString()));
        Assert.Equal(approvalTrace, onProject[2].GetProperty("traceId").GetString());
        Assert.All(onProject, e => Assert.InRange(e.GetProperty("at").GetDateTimeOffset(), started, DateTimeOffset.UtcNow));

        var byStatistics = await TrailAsync(admin, $"client=key:{statistics.Id}");
        Assert.Equal(2, byStatistics.Count);
        Assert.All(byStatistics, e => Assert.Equal((Year.ToString(System.Globalization.CultureInfo.InvariantCulture), 200),
            (e.GetProperty("resourceId").GetString(), e.GetProperty("status").GetInt32())));
        Assert.Equal([("gdpWan", 1000000m, 1020000.5m)], Changes(byStatistics[0]).Select(c => (c.Field, c.Old!.Value, c.New)));
        Assert.Equal(5, Changes(byStatistics[1]).Count);
        Assert.All(Changes(byStatistics[1]), c => Assert.Null(c.Old));

        var onClient = await TrailAsync(admin, $"resource={statistics.Id}");
        Assert.Equal([("DELETE", 204), ("POST", 201)], onClient.Select(e => (e.GetProperty("method").GetString(), e.GetProperty("status").GetInt32())));
        Assert.All(onClient, e => Assert.Equal("bootstrap", e.GetProperty("clientId").GetString()));

        var later = await TrailAsync(admin, $"resource={project}&from={Uri.EscapeDataString(onProject[1].GetProperty("at").GetString()!)}");
        Assert.Equal(2, later.Count);

        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put, HttpMethod.Post, HttpMethod.Patch })
        {
            using var change = await admin.SendAsync(new HttpRequestMessage(method, "/api/v1/admin/audit") { Content = JsonContent.Create(new { }) });
            Assert.False(change.IsSuccessStatusCode, $"{method} on the audit trail answered {(int)change.StatusCode}");
        }

        Assert.Equal(4, (await TrailAsync(admin, $"resource={project}")).Count);
    }

    private static async Task<IReadOnlyList<JsonElement>> TrailAsync(HttpClient admin, string query)
    {
        var page = await admin.GetAsync($"/api/v1/admin/audit?{query}&pageSize=200").JsonAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static IReadOnlyList<(string Field, decimal? Old, decimal New)> Changes(JsonElement entry) =>
        [.. entry.GetProperty("changes").EnumerateArray().Select(c => (
            c.GetProperty("field").GetString()!,
            c.GetProperty("oldValue").ValueKind == JsonValueKind.Null ? (decimal?)null : c.GetProperty("oldValue").GetDecimal(),
            c.GetProperty("newValue").GetDecimal()))];
}
