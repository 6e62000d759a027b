using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Apis;
using CountyTech.IntellectualProperty.Domain;
using CountyTech.Messaging.Outbox;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.IntellectualProperty.Tests;

/// <summary>The Intellectual Property API on the real service, database and broker (no gateway: that is the Platform tests' job).</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class IntellectualPropertyApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string CreditCode = "91350100M000100Y43";
    private IntellectualPropertyServiceFactory _service = null!;
    private HttpClient _client = null!;
    private int _serial;

    public Task InitializeAsync()
    {
        _service = new IntellectualPropertyServiceFactory(infrastructure);
        _client = _service.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
    }

    /// <summary>A new valid application number of <paramref name="year"/> with type digit <paramref name="digit"/>.</summary>
    private string NextNumber(int year = 2023, char digit = '1')
    {
        var digits = $"{year}{digit}{++_serial:D7}";
        return $"{digits}.{PatentApplicationNumber.CheckCharacter(digits)}";
    }

    private static object Application(string applicationNo, string type = "invention", string township = "城关镇", string filedOn = "2023-03-01",
        string? applicantCreditCode = CreditCode) => new
    {
        applicationNo,
        title = "一种茶叶揉捻装置",
        type,
        applicantName = "某茶业科技有限公司",
        applicantCreditCode,
        township,
        filedOn,
    };

    private async Task<PatentResponse> FileAsync(string type = "invention", char digit = '1', string township = "城关镇", string filedOn = "2023-03-01")
    {
        var response = await _client.PostAsJsonAsync("/api/v1/ip/patents", Application(NextNumber(2023, digit), type, township, filedOn));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patent = await IntellectualPropertyServiceFactory.BodyAsync<PatentResponse>(response);
        Assert.Equal($"/api/v1/ip/patents/{patent.Id}", response.Headers.Location?.OriginalString);
        return patent;
    }

    private Task<HttpResponseMessage> StepAsync(Guid id, string step, object body) =>
        _client.PostAsJsonAsync($"/api/v1/ip/patents/{id}/{step}", body);

    private async Task<PatentResponse> ReadAsync(Guid id) =>
        await IntellectualPropertyServiceFactory.BodyAsync<PatentResponse>(await _client.GetAsync($"/api/v1/ip/patents/{id}"));

    private static object Contract(string registrationNo, string type = "development", decimal amountWan = 85.5m, string signedOn = "2023-05-10",
        string? sellerCreditCode = null) => new
    {
        registrationNo, type, amountWan, signedOn, sellerName = "县农业科学研究所", sellerCreditCode, buyerName = "某茶业有限公司",
    };

    private static object Achievement(string registrationNo, string type = "applied", string registeredOn = "2023-09-01") => new
    {
        registrationNo, title = "高山茶园病虫害绿色防控技术", type, registeredOn, holderName = "县茶叶产业发展中心",
    };

    [Fact]
    public async Task A_patent_is_filed_granted_and_lapsed_and_each_step_is_published_with_what_consumers_need()
    {
        var filed = await FileAsync();
        Assert.Equal((PatentStatus.Filed, CreditCode), (filed.Status, filed.ApplicantCreditCode));

        var granted = await IntellectualPropertyServiceFactory.BodyAsync<PatentResponse>(
            await StepAsync(filed.Id, "grant", new { grantedOn = "2024-06-18" }));
        Assert.Equal((PatentStatus.Granted, new DateOnly(2024, 6, 18)), (granted.Status, granted.GrantedOn));
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(filed.Id, "lapse", new { lapsedOn = "2026-06-18" })).StatusCode);

        var read = await ReadAsync(filed.Id);
        Assert.Equal((PatentStatus.Lapsed, new DateOnly(2024, 6, 18), new DateOnly(2026, 6, 18)), (read.Status, read.GrantedOn, read.LapsedOn));

        var published = await Eventually.UntilAsync(() => _service.ReadAsync(db =>
            db.Set<OutboxMessage>().Where(m => m.SentAt != null).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync()),
            messages => messages.Count == 3, "the relay to publish all three events");
        Assert.Equal(
            ["PatentFiled", "PatentGranted", "PatentLapsed"],
            published.Select(m => m.MessageType.Split(',')[0].Split('.')[^1]));
        var grant = JsonSerializer.Deserialize<PatentGranted>(published[1].Payload, IntellectualPropertyServiceFactory.Json)!;
        Assert.Equal(
            new PatentGranted(filed.Id, filed.ApplicationNo, PatentType.Invention, "某茶业科技有限公司", CreditCode, "城关镇",
                new DateOnly(2023, 3, 1), new DateOnly(2024, 6, 18)),
            grant);
        var lapse = JsonSerializer.Deserialize<PatentLapsed>(published[2].Payload, IntellectualPropertyServiceFactory.Json)!;
        Assert.Equal((new DateOnly(2024, 6, 18), new DateOnly(2026, 6, 18), CreditCode), (lapse.GrantedOn, lapse.LapsedOn, lapse.ApplicantCreditCode));
    }

    [Fact]
    public async Task A_wrong_application_number_is_400_saying_what_is_wrong_and_nothing_is_stored()
    {
        var wrongCheck = await Problems.AssertAsync(
            await _client.PostAsJsonAsync("/api/v1/ip/patents", Application("201710601862.4")), HttpStatusCode.BadRequest);
        Assert.Equal(["applicationNo"], Problems.ErrorFields(wrongCheck));
        Assert.Contains("check character", wrongCheck.GetProperty("errors").GetProperty("applicationNo")[0].GetString(), StringComparison.Ordinal);

        var wrongType = await Problems.AssertAsync(
            await _client.PostAsJsonAsync("/api/v1/ip/patents", Application("201710601862.3", type: "design")), HttpStatusCode.BadRequest);
        Assert.Equal(["applicationNo"], Problems.ErrorFields(wrongType));
        Assert.Contains("type digit", wrongType.GetProperty("errors").GetProperty("applicationNo")[0].GetString(), StringComparison.Ordinal);

        var wrongCredit = await Problems.AssertAsync(
            await _client.PostAsJsonAsync("/api/v1/ip/patents", Application("201710601862.3", applicantCreditCode: "91350100M000100Y44")),
            HttpStatusCode.BadRequest);
        Assert.Equal(["applicantCreditCode"], Problems.ErrorFields(wrongCredit));

        var missing = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/ip/patents", new { title = " " }), HttpStatusCode.BadRequest);
        Assert.Equal(["applicantName", "applicationNo", "filedOn", "title", "township", "type"], Problems.ErrorFields(missing));

        var unknownType = await Problems.AssertAsync(
            await _client.PostAsJsonAsync("/api/v1/ip/patents", Application("201710601862.3", type: "trademark")), HttpStatusCode.BadRequest);
        Assert.Equal(["type"], Problems.ErrorFields(unknownType));
        await Problems.AssertAsync(
            await _client.PostAsync("/api/v1/ip/patents", new StringContent("{\"applicationNo\": ", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);

        Assert.Equal(0, await _service.ReadAsync(db => db.Patents.CountAsync()));
        Assert.Equal(0, await _service.ReadAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task The_published_example_is_accepted_and_recorded_once()
    {
        var first = await _client.PostAsJsonAsync("/api/v1/ip/patents", Application("201710601862.3", filedOn: "2017-07-21"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var again = await Problems.AssertAsync(
            await _client.PostAsJsonAsync("/api/v1/ip/patents", Application(" 201710601862.3 ", filedOn: "2017-07-21")), HttpStatusCode.Conflict);
        Assert.Contains("201710601862.3 is already recorded", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await _service.ReadAsync(db => db.Patents.CountAsync()));
    }

    [Fact]
    public async Task Illegal_transitions_are_409_and_change_nothing()
    {
        var rejected = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(rejected.Id, "rejection", new { rejectedOn = "2024-01-10" })).StatusCode);
        var grantAfterRejection = await Problems.AssertAsync(await StepAsync(rejected.Id, "grant", new { grantedOn = "2024-02-01" }), HttpStatusCode.Conflict);
        Assert.Contains("is rejected", grantAfterRejection.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var granted = await FileAsync();
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(granted.Id, "grant", new { grantedOn = "2024-02-01" })).StatusCode);
        var secondGrant = await Problems.AssertAsync(await StepAsync(granted.Id, "grant", new { grantedOn = "2024-03-01" }), HttpStatusCode.Conflict);
        Assert.Contains("already granted", secondGrant.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lapseBeforeGrant = await Problems.AssertAsync(await StepAsync(granted.Id, "lapse", new { lapsedOn = "2024-01-31" }), HttpStatusCode.Conflict);
        Assert.Contains("before the grant", lapseBeforeGrant.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var filed = await FileAsync();
        var lapseNeverGranted = await Problems.AssertAsync(await StepAsync(filed.Id, "lapse", new { lapsedOn = "2025-01-01" }), HttpStatusCode.Conflict);
        Assert.Contains("never granted", lapseNeverGranted.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var grantBeforeFiling = await Problems.AssertAsync(await StepAsync(filed.Id, "grant", new { grantedOn = "2023-02-28" }), HttpStatusCode.Conflict);
        Assert.Contains("before the filing", grantBeforeFiling.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (stillRejected, stillGranted, stillFiled) = (await ReadAsync(rejected.Id), await ReadAsync(granted.Id), await ReadAsync(filed.Id));
        Assert.Equal((PatentStatus.Rejected, null), (stillRejected.Status, stillRejected.GrantedOn));
        Assert.Equal((PatentStatus.Granted, new DateOnly(2024, 2, 1), null), (stillGranted.Status, stillGranted.GrantedOn, stillGranted.LapsedOn));
        Assert.Equal(PatentStatus.Filed, stillFiled.Status);
        Assert.Equal(5, await _service.ReadAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task Concurrent_grants_of_one_patent_succeed_once()
    {
        var patent = await FileAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(day =>
            StepAsync(patent.Id, "grant", new { grantedOn = new DateOnly(2024, 6, 1 + day) })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var granted = await _service.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("PatentGranted")));
        Assert.Equal(1, granted);
    }

    [Fact]
    public async Task Transition_bodies_are_validated_and_unknown_records_are_404()
    {
        var patent = await FileAsync();
        Assert.Equal(["grantedOn"], Problems.ErrorFields(await Problems.AssertAsync(await StepAsync(patent.Id, "grant", new { }), HttpStatusCode.BadRequest)));
        Assert.Equal(["lapsedOn"], Problems.ErrorFields(await Problems.AssertAsync(await StepAsync(patent.Id, "lapse", new { lapsedOn = "0202-05-01" }), HttpStatusCode.BadRequest)));

        await Problems.AssertAsync(await _client.GetAsync($"/api/v1/ip/patents/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await StepAsync(Guid.NewGuid(), "rejection", new { rejectedOn = "2024-01-10" }), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await _client.GetAsync($"/api/v1/ip/technology-contracts/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await _client.GetAsync($"/api/v1/ip/achievements/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(PatentStatus.Filed, (await ReadAsync(patent.Id)).Status);
    }

    [Fact]
    public async Task Patents_list_by_township_type_status_filing_year_and_grant_year()
    {
        var township = "测试镇" + Guid.NewGuid().ToString("N")[..6];
        var invention = await FileAsync("invention", '1', township, "2022-12-31");
        var utility = await FileAsync("utility-model", '2', township, "2023-01-01");
        await FileAsync("design", '3', township, "2023-06-01");
        await FileAsync("invention", '8', "别的镇", "2023-06-01");
        await StepAsync(invention.Id, "grant", new { grantedOn = "2024-12-31" });
        await StepAsync(utility.Id, "grant", new { grantedOn = "2023-08-01" });

        async Task<PagedList<PatentResponse>> ListAsync(string filters) =>
            await IntellectualPropertyServiceFactory.BodyAsync<PagedList<PatentResponse>>(
                await _client.GetAsync($"/api/v1/ip/patents?township={Uri.EscapeDataString(township)}&{filters}"));

        var page = await ListAsync("pageSize=2&page=2");
        Assert.Equal((3, 1, 2, 2), (page.Total, page.Items.Count, page.Page, page.PageSize));
        Assert.Equal(invention.Id, Assert.Single(page.Items).Id);
        Assert.Equal(2, (await ListAsync("year=2023")).Total);
        Assert.Equal(invention.Id, Assert.Single((await ListAsync("grantYear=2024")).Items).Id);
        Assert.Equal(utility.Id, Assert.Single((await ListAsync("status=granted&type=utility-model&year=2023&grantYear=2023")).Items).Id);
        Assert.Equal(1, (await ListAsync("status=filed")).Total);
        Assert.Equal(2, (await IntellectualPropertyServiceFactory.BodyAsync<PagedList<PatentResponse>>(
            await _client.GetAsync("/api/v1/ip/patents?type=invention"))).Total);

        var invalid = await Problems.AssertAsync(await _client.GetAsync("/api/v1/ip/patents?status=expired&type=trademark&year=20&grantYear=3000&pageSize=500"), HttpStatusCode.BadRequest);
        Assert.Equal(["grantYear", "pageSize", "status", "type", "year"], Problems.ErrorFields(invalid));
    }

    [Fact]
    public async Task Patents_download_as_xlsx_with_every_matching_row_under_chinese_headers()
    {
        var township = "测试镇" + Guid.NewGuid().ToString("N")[..6];
        var granted = await FileAsync("invention", '1', township);
        await FileAsync("design", '3', township);
        await StepAsync(granted.Id, "grant", new { grantedOn = "2024-12-31" });

        var rows = await SpreadsheetDownload.ReadAsync(
            await _client.GetAsync($"/api/v1/ip/patents?township={Uri.EscapeDataString(township)}&pageSize=1&format=xlsx"), "专利清单.xlsx");

        Assert.Equal(2, rows.Count);
        var row = Assert.Single(rows, r => (string?)r["法律状态"] == "granted");
        Assert.Equal((granted.ApplicationNo, "invention", township, CreditCode, new DateTime(2024, 12, 31)),
            ((string?)row["申请号"], (string?)row["专利类型"], (string?)row["乡镇"], (string?)row["申请人统一社会信用代码"], (DateTime?)row["授权日"]));
    }

    [Fact]
    public async Task Technology_contracts_are_registered_once_listed_by_type_and_year_and_downloaded()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/ip/technology-contracts", Contract("2023430100000001", sellerCreditCode: " 91350100m000100y43 "));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contract = await IntellectualPropertyServiceFactory.BodyAsync<TechnologyContractResponse>(created);
        Assert.Equal((85.5m, CreditCode), (contract.AmountWan, contract.SellerCreditCode));
        var read = await IntellectualPropertyServiceFactory.BodyAsync<TechnologyContractResponse>(
            await _client.GetAsync($"/api/v1/ip/technology-contracts/{contract.Id}"));
        Assert.Equal(contract with { CreatedAt = read.CreatedAt }, read);
        await _client.PostAsJsonAsync("/api/v1/ip/technology-contracts", Contract("2023430100000002", "service", 10, "2023-12-31"));
        await _client.PostAsJsonAsync("/api/v1/ip/technology-contracts", Contract("2024430100000003", "service", 20, "2024-01-01"));

        var duplicate = await Problems.AssertAsync(
            await _client.PostAsJsonAsync("/api/v1/ip/technology-contracts", Contract("2023430100000001", "transfer")), HttpStatusCode.Conflict);
        Assert.Contains("already registered", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var invalid = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/ip/technology-contracts",
            Contract("2023430100000009", amountWan: -5, sellerCreditCode: "91350100M000100Y44")), HttpStatusCode.BadRequest);
        Assert.Equal(["amountWan", "sellerCreditCode"], Problems.ErrorFields(invalid));

        var services2023 = await IntellectualPropertyServiceFactory.BodyAsync<PagedList<TechnologyContractResponse>>(
            await _client.GetAsync("/api/v1/ip/technology-contracts?type=service&year=2023"));
        Assert.Equal("2023430100000002", Assert.Single(services2023.Items).RegistrationNo);
        var rows = await SpreadsheetDownload.ReadAsync(await _client.GetAsync("/api/v1/ip/technology-contracts?year=2023&format=xlsx"), "技术合同登记清单.xlsx");
        Assert.Equal([10m, 85.5m], rows.Select(r => Convert.ToDecimal(r["成交额（万元）"])).Order());
        Assert.Equal(3, await _service.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("TechnologyContractRegistered"))));
    }

    [Fact]
    public async Task Achievements_are_registered_once_listed_by_type_and_year_and_downloaded()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/ip/achievements", Achievement("湘科成登字2023-0001"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var achievement = await IntellectualPropertyServiceFactory.BodyAsync<AchievementResponse>(created);
        var read = await IntellectualPropertyServiceFactory.BodyAsync<AchievementResponse>(
            await _client.GetAsync($"/api/v1/ip/achievements/{achievement.Id}"));
        Assert.Equal(achievement with { CreatedAt = read.CreatedAt }, read);
        await _client.PostAsJsonAsync("/api/v1/ip/achievements", Achievement("湘科成登字2023-0002", "soft-science", "2023-01-01"));
        await _client.PostAsJsonAsync("/api/v1/ip/achievements", Achievement("湘科成登字2022-0003", "soft-science", "2022-12-31"));

        await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/ip/achievements", Achievement("湘科成登字2023-0001", "basic")), HttpStatusCode.Conflict);
        var unknownType = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/ip/achievements", Achievement("X-1", "theory")), HttpStatusCode.BadRequest);
        Assert.Equal(["type"], Problems.ErrorFields(unknownType));

        var softScience = await IntellectualPropertyServiceFactory.BodyAsync<PagedList<AchievementResponse>>(
            await _client.GetAsync("/api/v1/ip/achievements?type=soft-science&year=2023"));
        Assert.Equal("湘科成登字2023-0002", Assert.Single(softScience.Items).RegistrationNo);
        var rows = await SpreadsheetDownload.ReadAsync(await _client.GetAsync("/api/v1/ip/achievements?year=2023&format=xlsx"), "科技成果登记清单.xlsx");
        Assert.Equal(["湘科成登字2023-0001", "湘科成登字2023-0002"], rows.Select(r => (string?)r["登记号"]).Order());
        Assert.Equal(3, await _service.ReadAsync(db => db.Achievements.CountAsync()));
    }
}
