using System.Net;
using System.Net.Http.Json;
using CountyTech.BureauRules;
using CountyTech.Messaging.Outbox;
using CountyTech.Talent.Apis;
using CountyTech.Talent.Domain;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Tests;

/// <summary>Commissioners (科技特派员) through the Talent API on the real service, database and broker.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CommissionersApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Path = "/api/v1/talent/commissioners";
    private static readonly DateOnly Today = BureauCalendar.Today(TimeProvider.System);
    private TalentServiceFactory _service = null!;
    private HttpClient _client = null!;
    private readonly string _township = "测试镇" + Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync()
    {
        _service = new TalentServiceFactory(infrastructure);
        _client = _service.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    private async Task<CommissionerResponse> DispatchAsync(string dispatchedOn = "2024-03-01", string? township = null, string name = "李明")
    {
        var response = await _client.PostAsJsonAsync(Path, new
        {
            name, specialty = "茶叶栽培", township = township ?? _township, village = "茶园村", dispatchingUnit = "县农业技术推广中心", dispatchedOn,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var commissioner = await TalentServiceFactory.BodyAsync<CommissionerResponse>(response);
        Assert.Equal($"{Path}/{commissioner.Id}", response.Headers.Location?.ToString());
        return commissioner;
    }

    private Task<HttpResponseMessage> LogAsync(Guid id, object body) => _client.PostAsJsonAsync($"{Path}/{id}/service-logs", body);

    private Task<HttpResponseMessage> DepartAsync(Guid id, string leftOn, string reason = "任期届满") =>
        _client.PostAsJsonAsync($"{Path}/{id}/departure", new { leftOn, reason });

    private async Task<CommissionerResponse> ReadAsync(Guid id) =>
        await TalentServiceFactory.BodyAsync<CommissionerResponse>(await _client.GetAsync($"{Path}/{id}"));

    [Fact]
    public async Task A_commissioner_is_dispatched_logs_service_and_leaves_and_each_step_is_published_through_the_outbox()
    {
        var dispatched = await DispatchAsync("2024-03-01");
        Assert.Equal((CommissionerStatus.InPost, new DateOnly(2024, 3, 1)), (dispatched.Status, dispatched.DispatchedOn));

        Assert.Equal(HttpStatusCode.OK, (await LogAsync(dispatched.Id, new { servedOn = "2024-03-31", days = 12, farmersServed = 85 })).StatusCode);
        var departed = await TalentServiceFactory.BodyAsync<CommissionerResponse>(await DepartAsync(dispatched.Id, "2024-12-31", "调回原单位"));

        Assert.Equal((CommissionerStatus.Departed, new DateOnly(2024, 12, 31), "调回原单位"), (departed.Status, departed.LeftOn, departed.DepartureReason));
        var read = await ReadAsync(dispatched.Id);
        var log = Assert.Single(read.ServiceLogs);
        Assert.Equal((new DateOnly(2024, 3, 31), 12, 85), (log.ServedOn, log.Days, log.FarmersServed));

        var published = await Eventually.UntilAsync(() => _service.ReadAsync(db =>
            db.Set<OutboxMessage>().Where(m => m.SentAt != null).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.MessageType).ToListAsync()),
            types => types.Count == 3, "the relay to publish all three events");
        Assert.Equal(
            ["CommissionerDispatched", "CommissionerServiceLogged", "CommissionerDeparted"],
            published.Select(t => t.Split(',')[0].Split('.')[^1]));
    }

    [Fact]
    public async Task Departures_before_the_dispatch_and_second_departures_are_409_naming_the_rule_and_change_nothing()
    {
        var commissioner = await DispatchAsync("2024-03-01");

        var early = await Problems.AssertAsync(await DepartAsync(commissioner.Id, "2024-02-01"), HttpStatusCode.Conflict);
        Assert.Contains("before the dispatch", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await DepartAsync(commissioner.Id, "2024-06-30")).StatusCode);
        var second = await Problems.AssertAsync(await DepartAsync(commissioner.Id, "2024-07-31"), HttpStatusCode.Conflict);
        Assert.Contains("already left on 2024-06-30", second.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(new DateOnly(2024, 6, 30), (await ReadAsync(commissioner.Id)).LeftOn);
        var events = await _service.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("CommissionerDeparted")));
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task Service_logged_outside_the_time_in_post_is_409_and_days_that_do_not_fit_are_400_naming_days()
    {
        var commissioner = await DispatchAsync("2024-03-01");
        await DepartAsync(commissioner.Id, "2024-09-30");

        var before = await Problems.AssertAsync(await LogAsync(commissioner.Id, new { servedOn = "2024-02-29", days = 1, farmersServed = 3 }), HttpStatusCode.Conflict);
        var after = await Problems.AssertAsync(await LogAsync(commissioner.Id, new { servedOn = "2024-10-01", days = 1, farmersServed = 3 }), HttpStatusCode.Conflict);
        var tooMany = await Problems.AssertAsync(await LogAsync(commissioner.Id, new { servedOn = "2024-03-10", days = 11, farmersServed = 3 }), HttpStatusCode.BadRequest);
        var negative = await Problems.AssertAsync(await LogAsync(commissioner.Id, new { servedOn = "2024-03-10", days = -1, farmersServed = -2 }), HttpStatusCode.BadRequest);
        var overAYear = await Problems.AssertAsync(await LogAsync(commissioner.Id, new { servedOn = "2024-09-30", days = 367, farmersServed = 0 }), HttpStatusCode.BadRequest);
        var future = await Problems.AssertAsync(await LogAsync(commissioner.Id, new { servedOn = Today.AddDays(1), days = 1, farmersServed = 0 }), HttpStatusCode.BadRequest);

        Assert.Contains("before the dispatch on 2024-03-01", before.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("after the departure on 2024-09-30", after.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["days"], Problems.ErrorFields(tooMany));
        Assert.Contains("10 days in post from 2024-03-01", tooMany.GetProperty("errors").GetProperty("days")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["days", "farmersServed"], Problems.ErrorFields(negative));
        Assert.Equal(["days"], Problems.ErrorFields(overAYear));
        Assert.Equal(["servedOn"], Problems.ErrorFields(future));
        Assert.Empty((await ReadAsync(commissioner.Id)).ServiceLogs);

        Assert.Equal(HttpStatusCode.OK, (await LogAsync(commissioner.Id, new { servedOn = "2024-09-30", days = 214, farmersServed = 300 })).StatusCode);
        var overTheYear = await Problems.AssertAsync(await LogAsync(commissioner.Id, new { servedOn = "2024-04-30", days = 1, farmersServed = 0 }), HttpStatusCode.BadRequest);
        Assert.Equal(["days"], Problems.ErrorFields(overTheYear));
    }

    [Fact]
    public async Task Concurrent_service_logs_never_count_more_days_than_were_in_post()
    {
        var commissioner = await DispatchAsync("2024-03-01");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            LogAsync(commissioner.Id, new { servedOn = "2024-03-10", days = 3, farmersServed = 1 })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        var read = await ReadAsync(commissioner.Id);
        Assert.InRange(read.ServiceLogs.Sum(l => l.Days), 3, 10);
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), read.ServiceLogs.Count);
    }

    [Fact]
    public async Task A_township_official_lists_the_commissioners_in_post_today_with_the_days_each_served_this_year()
    {
        var lastYear = Today.Year - 1;
        var first = await DispatchAsync($"{lastYear}-06-01", name: "李明");
        var second = await DispatchAsync($"{lastYear}-09-01", name: "王芳");
        var departed = await DispatchAsync($"{lastYear}-06-01", name: "赵强");
        var elsewhere = await DispatchAsync($"{lastYear}-06-01", township: _township + "外", name: "钱亮");
        await LogAsync(first.Id, new { servedOn = $"{lastYear}-12-31", days = 30, farmersServed = 40 });
        await LogAsync(first.Id, new { servedOn = Today, days = 1, farmersServed = 12 });
        await LogAsync(departed.Id, new { servedOn = Today, days = 1, farmersServed = 5 });
        await DepartAsync(departed.Id, Today.ToString("yyyy-MM-dd"));
        await LogAsync(elsewhere.Id, new { servedOn = Today, days = 1, farmersServed = 5 });

        var inPost = await TalentServiceFactory.BodyAsync<PagedList<CommissionerSummary>>(
            await _client.GetAsync($"{Path}?township={Uri.EscapeDataString(_township)}&status=in-post"));

        Assert.Equal(2, inPost.Total);
        Assert.Equal(
            [(second.Id, CommissionerStatus.InPost, 0), (first.Id, CommissionerStatus.InPost, 1)],
            inPost.Items.Select(c => (c.Id, c.Status, c.DaysServedThisYear)));
        Assert.Equal(1, (await ReadAsync(first.Id)).DaysServedThisYear);

        var gone = await TalentServiceFactory.BodyAsync<PagedList<CommissionerSummary>>(
            await _client.GetAsync($"{Path}?township={Uri.EscapeDataString(_township)}&status=departed"));
        Assert.Equal((departed.Id, 1), (Assert.Single(gone.Items).Id, gone.Items[0].DaysServedThisYear));
    }

    [Fact]
    public async Task Lists_filter_by_dispatch_year_and_page_and_refuse_unknown_filters()
    {
        await DispatchAsync("2023-05-01");
        var inYear = await DispatchAsync("2024-05-01");
        await DispatchAsync("2024-06-01");

        var page = await TalentServiceFactory.BodyAsync<PagedList<CommissionerSummary>>(
            await _client.GetAsync($"{Path}?township={Uri.EscapeDataString(_township)}&year=2024&pageSize=1&page=2"));
        Assert.Equal((2, 2, 1), (page.Total, page.Page, page.PageSize));
        Assert.Equal(inYear.Id, Assert.Single(page.Items).Id);

        var invalid = await Problems.AssertAsync(await _client.GetAsync($"{Path}?status=retired&year=1800"), HttpStatusCode.BadRequest);
        Assert.Equal(["status", "year"], Problems.ErrorFields(invalid));
    }

    [Fact]
    public async Task The_list_downloads_as_xlsx_with_the_days_served_this_year()
    {
        var commissioner = await DispatchAsync($"{Today.Year - 1}-06-01");
        await LogAsync(commissioner.Id, new { servedOn = Today, days = 1, farmersServed = 9 });
        await DispatchAsync("2024-01-01", name: "王芳");

        var rows = await SpreadsheetDownload.ReadAsync(
            await _client.GetAsync($"{Path}?township={Uri.EscapeDataString(_township)}&format=xlsx&pageSize=1"), "科技特派员清单.xlsx");

        Assert.Equal(2, rows.Count);
        var row = Assert.Single(rows, r => (string?)r["姓名"] == "李明");
        Assert.Equal(("茶叶栽培", _township, "茶园村", "县农业技术推广中心", "in-post", 1),
            ((string?)row["专业特长"], (string?)row["乡镇"], (string?)row["村"], (string?)row["派出单位"], (string?)row["状态"], Convert.ToInt32(row["本年服务天数"])));
    }

    [Fact]
    public async Task Invalid_bodies_are_400_per_field_and_unknown_commissioners_404()
    {
        var missing = await Problems.AssertAsync(await _client.PostAsJsonAsync(Path, new { name = "", township = _township }), HttpStatusCode.BadRequest);
        Assert.Equal(["dispatchedOn", "dispatchingUnit", "name", "specialty", "village"], Problems.ErrorFields(missing));
        var commissioner = await DispatchAsync();
        var noReason = await Problems.AssertAsync(await _client.PostAsJsonAsync($"{Path}/{commissioner.Id}/departure", new { leftOn = "2024-05-01" }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], Problems.ErrorFields(noReason));

        await Problems.AssertAsync(await _client.GetAsync($"{Path}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await LogAsync(Guid.NewGuid(), new { servedOn = "2024-05-01", days = 1, farmersServed = 1 }), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await DepartAsync(Guid.NewGuid(), "2024-05-01"), HttpStatusCode.NotFound);
        Assert.Equal(1, await _service.ReadAsync(db => db.Commissioners.CountAsync(c => c.Township == _township)));
    }
}
