using System.Net.Http.Json;
using System.Net;
using System.Text;
using CountyTech.BureauRules;
using CountyTech.Messaging.Outbox;
using CountyTech.Projects.Apis;
using CountyTech.Projects.Domain;
using CountyTech.ServiceDefaults;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Projects.Tests;

/// <summary>The Projects API on the real service, database and broker (no gateway: that is the Platform tests' job).</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ProjectsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ProjectsServiceFactory _service = null!;
    private HttpClient _client = null!;
    private readonly string _township = "测试镇" + Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync()
    {
        _service = new ProjectsServiceFactory(infrastructure);
        _client = _service.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    private object Application(string level = "provincial") => new
    {
        title = "茶叶绿色防控技术集成示范",
        level,
        field = "agriculture",
        leadOrganization = "县茶叶产业发展中心",
        township = _township,
        plannedStart = "2024-01-01",
        plannedEnd = "2025-12-31",
        budgetWan = 120.5,
    };

    private async Task<ProjectResponse> SubmitAsync(string level = "provincial")
    {
        var response = await _client.PostAsJsonAsync("/api/v1/projects", Application(level));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ProjectsServiceFactory.BodyAsync<ProjectResponse>(response);
    }

    private Task<HttpResponseMessage> PostAsync(Guid id, string step, object body) =>
        _client.PostAsJsonAsync($"/api/v1/projects/{id}/{step}", body);

    [Fact]
    public async Task A_project_goes_from_submission_to_acceptance_and_each_step_is_published_through_the_outbox()
    {
        var submitted = await SubmitAsync();
        Assert.Equal(ProjectStatus.Submitted, submitted.Status);
        Assert.Equal(120.5m, submitted.BudgetWan);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(submitted.Id, "approval", new { approvedOn = "2024-03-15", fundingWan = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(submitted.Id, "disbursements", new { paidOn = "2024-04-01", amountWan = 30 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(submitted.Id, "outcomes", new { kind = "variety", name = "福鼎大白茶", recordedOn = "2024-05-01", demoAreaMu = 300 })).StatusCode);
        var accepted = await ProjectsServiceFactory.BodyAsync<ProjectResponse>(
            await PostAsync(submitted.Id, "acceptance", new { acceptedOn = "2025-12-20", passed = true }));

        Assert.Equal(ProjectStatus.Accepted, accepted.Status);
        var read = await ProjectsServiceFactory.BodyAsync<ProjectResponse>(await _client.GetAsync($"/api/v1/projects/{submitted.Id}"));
        Assert.Equal(30m, Assert.Single(read.Disbursements).AmountWan);
        Assert.Equal("福鼎大白茶", Assert.Single(read.Outcomes).Name);
        Assert.Equal(new DateOnly(2024, 3, 15), read.ApprovedOn);

        var published = await Eventually.UntilAsync(() => _service.ReadAsync(db =>
            db.Set<OutboxMessage>().Where(m => m.SentAt != null).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.MessageType).ToListAsync()),
            types => types.Count == 5, "the relay to publish all five events");
        Assert.Equal(
            ["ProjectSubmitted", "ProjectApproved", "ProjectFundsDisbursed", "ProjectOutcomeRecorded", "ProjectAccepted"],
            published.Select(t => t.Split(',')[0].Split('.')[^1]));
    }

    [Fact]
    public async Task Disbursements_beyond_the_funding_are_refused_with_409_and_change_nothing()
    {
        var project = await SubmitAsync();
        await PostAsync(project.Id, "approval", new { approvedOn = "2024-03-15", fundingWan = 50 });
        await PostAsync(project.Id, "disbursements", new { paidOn = "2024-04-01", amountWan = 40 });

        var problem = await Problems.AssertAsync(await PostAsync(project.Id, "disbursements", new { paidOn = "2024-05-01", amountWan = 10.5 }), HttpStatusCode.Conflict);

        Assert.Contains("over the funding", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var read = await ProjectsServiceFactory.BodyAsync<ProjectResponse>(await _client.GetAsync($"/api/v1/projects/{project.Id}"));
        Assert.Equal(40m, read.DisbursedWan);
        Assert.Single(read.Disbursements);
    }

    [Fact]
    public async Task Concurrent_disbursements_never_exceed_the_funding()
    {
        var project = await SubmitAsync();
        await PostAsync(project.Id, "approval", new { approvedOn = "2024-03-15", fundingWan = 50 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            PostAsync(project.Id, "disbursements", new { paidOn = "2024-04-01", amountWan = 10 })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var read = await ProjectsServiceFactory.BodyAsync<ProjectResponse>(await _client.GetAsync($"/api/v1/projects/{project.Id}"));
        Assert.Equal(read.Disbursements.Count * 10m, read.DisbursedWan);
        Assert.True(read.DisbursedWan <= 50m);
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), read.Disbursements.Count);
    }

    [Fact]
    public async Task No_approval_after_rejection_and_no_rejection_after_approval()
    {
        var rejected = await SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(rejected.Id, "rejection", new { rejectedOn = "2024-03-01", reason = "预算依据不足" })).StatusCode);
        await Problems.AssertAsync(await PostAsync(rejected.Id, "approval", new { approvedOn = "2024-03-15", fundingWan = 50 }), HttpStatusCode.Conflict);

        var approved = await SubmitAsync();
        await PostAsync(approved.Id, "approval", new { approvedOn = "2024-03-15", fundingWan = 50 });
        await Problems.AssertAsync(await PostAsync(approved.Id, "rejection", new { rejectedOn = "2024-03-20", reason = "撤销" }), HttpStatusCode.Conflict);
        await Problems.AssertAsync(await PostAsync(rejected.Id, "disbursements", new { paidOn = "2024-04-01", amountWan = 1 }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invalid_bodies_are_400_with_errors_per_field_and_nothing_is_stored()
    {
        var missing = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/projects", new { title = "", level = "county", township = _township }), HttpStatusCode.BadRequest);
        Assert.Equal(["budgetWan", "field", "leadOrganization", "plannedEnd", "plannedStart", "title"], Problems.ErrorFields(missing));

        await Problems.AssertAsync(await _client.PostAsync("/api/v1/projects", new StringContent("{\"title\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/projects", new { level = "village" }), HttpStatusCode.BadRequest);
        await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/projects", new { budgetWan = "many" }), HttpStatusCode.BadRequest);

        var project = await SubmitAsync();
        var badApproval = await Problems.AssertAsync(await PostAsync(project.Id, "approval", new { fundingWan = -5 }), HttpStatusCode.BadRequest);
        Assert.Equal(["approvedOn", "fundingWan"], Problems.ErrorFields(badApproval));

        var stored = await _service.ReadAsync(db => db.Projects.CountAsync(p => p.Township == _township));
        Assert.Equal(1, stored);
        var read = await ProjectsServiceFactory.BodyAsync<ProjectResponse>(await _client.GetAsync($"/api/v1/projects/{project.Id}"));
        Assert.Equal(ProjectStatus.Submitted, read.Status);
    }

    [Fact]
    public async Task An_unknown_project_is_404_problem()
    {
        await Problems.AssertAsync(await _client.GetAsync($"/api/v1/projects/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await PostAsync(Guid.NewGuid(), "approval", new { approvedOn = "2024-03-15", fundingWan = 5 }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lists_filter_by_township_status_level_and_year_and_page()
    {
        var first = await SubmitAsync("county");
        var second = await SubmitAsync("county");
        await SubmitAsync("national");
        await PostAsync(first.Id, "approval", new { approvedOn = "2023-06-01", fundingWan = 10 });
        await PostAsync(second.Id, "approval", new { approvedOn = "2024-06-01", fundingWan = 10 });

        var page = await ProjectsServiceFactory.BodyAsync<PagedList<ProjectSummary>>(
            await _client.GetAsync($"/api/v1/projects?township={Uri.EscapeDataString(_township)}&pageSize=2"));
        Assert.Equal((3, 2, 1, 2), (page.Total, page.Items.Count, page.Page, page.PageSize));

        var approvedCounty = await ProjectsServiceFactory.BodyAsync<PagedList<ProjectSummary>>(
            await _client.GetAsync($"/api/v1/projects?township={Uri.EscapeDataString(_township)}&status=approved&level=county&year=2024"));
        Assert.Equal(second.Id, Assert.Single(approvedCounty.Items).Id);

        var invalid = await Problems.AssertAsync(await _client.GetAsync("/api/v1/projects?status=finished&pageSize=500"), HttpStatusCode.BadRequest);
        Assert.Equal(["pageSize", "status"], Problems.ErrorFields(invalid));
    }

    [Fact]
    public async Task Lists_download_as_xlsx_with_every_matching_row_under_chinese_headers()
    {
        var first = await SubmitAsync("county");
        await SubmitAsync("national");
        await PostAsync(first.Id, "approval", new { approvedOn = "2023-06-01", fundingWan = 10.5 });
        var filter = $"/api/v1/projects?township={Uri.EscapeDataString(_township)}&pageSize=1";

        var byQuery = await SpreadsheetDownload.ReadAsync(await _client.GetAsync(filter + "&format=xlsx"), "科技项目清单.xlsx");
        Assert.Equal(2, byQuery.Count);
        var approved = Assert.Single(byQuery, row => (string?)row["状态"] == "approved");
        Assert.Equal(("茶叶绿色防控技术集成示范", "county", _township, 10.5m),
            ((string?)approved["项目名称"], (string?)approved["项目级别"], (string?)approved["乡镇"], Convert.ToDecimal(approved["立项经费（万元）"])));

        using var accept = new HttpRequestMessage(HttpMethod.Get, filter);
        accept.Headers.Accept.ParseAdd(SpreadsheetDownload.ContentType);
        Assert.Equal(2, (await SpreadsheetDownload.ReadAsync(await _client.SendAsync(accept), "科技项目清单.xlsx")).Count);

        var unknown = await Problems.AssertAsync(await _client.GetAsync(filter + "&format=pdf"), HttpStatusCode.BadRequest);
        Assert.Equal(["format"], Problems.ErrorFields(unknown));
    }
}
