using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CountyTech.BureauRules;
using CountyTech.Contracts.Talent;
using CountyTech.Messaging.Outbox;
using CountyTech.Talent.Apis;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Tests;

/// <summary>Experts, demonstration bases and households, and trainings through the Talent API on the real service.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TalentRecordsApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
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

    private async Task<T> CreateAsync<T>(string collection, object body)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/talent/{collection}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await TalentServiceFactory.BodyAsync<T>(response);
    }

    private Task<ExpertResponse> IntroduceAsync(string introducedOn, string agreementEnd = "2027-12-31") =>
        CreateAsync<ExpertResponse>("experts", new { name = "王教授", institution = "湖南农业大学", field = "果树栽培", introducedOn, agreementEnd });

    private Task<DemonstrationBaseResponse> CertifyBaseAsync(string name, string certifiedOn, decimal areaMu = 350.5m) =>
        CreateAsync<DemonstrationBaseResponse>("demonstration-bases", new { name, township = _township, industry = "茶叶", areaMu, certifiedOn });

    private Task<TrainingResponse> TrainAsync(string heldOn, int sessions, int participants) =>
        CreateAsync<TrainingResponse>("trainings", new { title = "柑橘提质增效技术培训", township = _township, heldOn, sessions, participants });

    private Task<CommissionerResponse> DispatchAsync() =>
        CreateAsync<CommissionerResponse>("commissioners", new
        {
            name = "李明", specialty = "茶叶栽培", township = _township, village = "茶园村", dispatchingUnit = "县农业技术推广中心", dispatchedOn = "2024-01-01",
        });

    private async Task<PagedList<T>> ListAsync<T>(string collection, string filter) =>
        await TalentServiceFactory.BodyAsync<PagedList<T>>(await _client.GetAsync($"/api/v1/talent/{collection}?{filter}"));

    private string InTownship => "township=" + Uri.EscapeDataString(_township);

    [Fact]
    public async Task An_expert_whose_agreement_ends_before_the_introduction_is_409_saying_so_and_nothing_is_stored()
    {
        var problem = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/talent/experts", new
        {
            name = "陈研究员", institution = "省农科院", field = "水稻育种", introducedOn = "2024-05-01", agreementEnd = "2024-04-30",
        }), HttpStatusCode.Conflict);

        Assert.Equal("agreementEnd 2024-04-30 is before introducedOn 2024-05-01: an agreement cannot end before it starts.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(0, await _service.ReadAsync(db => db.Experts.CountAsync()));
        Assert.Equal(0, await _service.ReadAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task Experts_list_by_year_of_introduction_and_download_as_xlsx()
    {
        var earlier = await IntroduceAsync("2023-11-20");
        var later = await IntroduceAsync("2024-03-01");

        var of2024 = await ListAsync<ExpertResponse>("experts", "year=2024");
        Assert.Equal(later.Id, Assert.Single(of2024.Items).Id);
        var read = await TalentServiceFactory.BodyAsync<ExpertResponse>(await _client.GetAsync($"/api/v1/talent/experts/{earlier.Id}"));
        Assert.Equal(earlier, read with { CreatedAt = earlier.CreatedAt });

        var rows = await SpreadsheetDownload.ReadAsync(await _client.GetAsync("/api/v1/talent/experts?format=xlsx"), "柔性引进专家清单.xlsx");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("王教授", "湖南农业大学", "果树栽培", new DateTime(2027, 12, 31)),
            ((string?)rows[0]["姓名"], (string?)rows[0]["工作单位"], (string?)rows[0]["专业领域"], (DateTime?)rows[0]["协议到期日"]));
    }

    [Fact]
    public async Task A_household_tied_to_an_unknown_commissioner_is_400_naming_commissionerId_and_a_known_one_is_kept()
    {
        var unknown = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/talent/demonstration-households", new
        {
            name = "张三", township = _township, certifiedOn = "2024-06-01", householdsReached = 12, commissionerId = Guid.NewGuid(),
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["commissionerId"], Problems.ErrorFields(unknown));

        var commissioner = await DispatchAsync();
        var coached = await CreateAsync<DemonstrationHouseholdResponse>("demonstration-households", new
        {
            name = "张三", township = _township, certifiedOn = "2024-06-01", householdsReached = 12, commissionerId = commissioner.Id,
        });
        var alone = await CreateAsync<DemonstrationHouseholdResponse>("demonstration-households", new
        {
            name = "李四", township = _township, certifiedOn = "2023-06-01", householdsReached = 0,
        });

        Assert.Equal((commissioner.Id, 12), (coached.CommissionerId, coached.HouseholdsReached));
        Assert.Null(alone.CommissionerId);
        var byCommissioner = await ListAsync<DemonstrationHouseholdResponse>("demonstration-households", $"{InTownship}&commissionerId={commissioner.Id}");
        Assert.Equal(coached.Id, Assert.Single(byCommissioner.Items).Id);
        var of2023 = await ListAsync<DemonstrationHouseholdResponse>("demonstration-households", $"{InTownship}&year=2023");
        Assert.Equal(alone.Id, Assert.Single(of2023.Items).Id);
        var rows = await SpreadsheetDownload.ReadAsync(
            await _client.GetAsync($"/api/v1/talent/demonstration-households?{InTownship}&format=xlsx"), "科技示范户清单.xlsx");
        Assert.Equal([0, 12], rows.Select(r => Convert.ToInt32(r["辐射带动户数"])).Order());
    }

    [Fact]
    public async Task A_base_is_certified_once_in_its_township_with_its_area_in_mu()
    {
        var tea = await CertifyBaseAsync("高山茶叶科技示范基地", "2024-04-01", 350.5m);
        await CertifyBaseAsync("脐橙科技示范基地", "2023-04-01", 80);

        var duplicate = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/talent/demonstration-bases", new
        {
            name = "高山茶叶科技示范基地", township = _township, industry = "茶叶", areaMu = 10, certifiedOn = "2024-05-01",
        }), HttpStatusCode.Conflict);
        var badArea = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/talent/demonstration-bases", new
        {
            name = "另一基地", township = _township, industry = "茶叶", areaMu = 10.125, certifiedOn = "2024-05-01",
        }), HttpStatusCode.BadRequest);

        Assert.Contains("already a demonstration base, certified on 2024-04-01", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["areaMu"], Problems.ErrorFields(badArea));
        Assert.Equal(350.5m, (await ListAsync<DemonstrationBaseResponse>("demonstration-bases", $"{InTownship}&year=2024")).Items.Single().AreaMu);
        var rows = await SpreadsheetDownload.ReadAsync(
            await _client.GetAsync($"/api/v1/talent/demonstration-bases?{InTownship}&format=xlsx"), "科技示范基地清单.xlsx");
        Assert.Equal([80m, 350.5m], rows.Select(r => Convert.ToDecimal(r["面积（亩）"])).Order());
        var read = await TalentServiceFactory.BodyAsync<DemonstrationBaseResponse>(await _client.GetAsync($"/api/v1/talent/demonstration-bases/{tea.Id}"));
        Assert.Equal(tea, read with { CreatedAt = tea.CreatedAt });
    }

    [Fact]
    public async Task Trainings_record_sessions_and_person_times_and_list_by_township_and_year()
    {
        await TrainAsync("2024-03-05", 1, 45);
        await TrainAsync("2023-12-31", 2, 60);
        var held = await TrainAsync("2024-11-20", 3, 180);

        var of2024 = await ListAsync<TrainingResponse>("trainings", $"{InTownship}&year=2024");
        Assert.Equal([(3, 180), (1, 45)], of2024.Items.Select(t => (t.Sessions, t.Participants)));
        var rows = await SpreadsheetDownload.ReadAsync(
            await _client.GetAsync($"/api/v1/talent/trainings?{InTownship}&year=2024&format=xlsx"), "科技培训清单.xlsx");
        Assert.Equal(225, rows.Sum(r => Convert.ToInt32(r["参训人次"])));
        var read = await TalentServiceFactory.BodyAsync<TrainingResponse>(await _client.GetAsync($"/api/v1/talent/trainings/{held.Id}"));
        Assert.Equal(held, read with { CreatedAt = held.CreatedAt });

        var invalid = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/talent/trainings", new
        {
            title = "培训", township = _township, heldOn = "2024-05-01", sessions = 0, participants = -1,
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["participants", "sessions"], Problems.ErrorFields(invalid));
    }

    [Fact]
    public async Task Every_record_is_published_through_the_outbox_with_township_dates_and_amounts()
    {
        var commissioner = await DispatchAsync();
        await IntroduceAsync("2024-03-01");
        await CertifyBaseAsync("稻渔综合种养示范基地", "2024-04-01", 120.25m);
        await CreateAsync<DemonstrationHouseholdResponse>("demonstration-households", new
        {
            name = "张三", township = _township, certifiedOn = "2024-06-01", householdsReached = 12, commissionerId = commissioner.Id,
        });
        var training = await TrainAsync("2024-05-01", 2, 90);

        var published = await Eventually.UntilAsync(() => _service.ReadAsync(db =>
            db.Set<OutboxMessage>().Where(m => m.SentAt != null).ToListAsync()), messages => messages.Count == 5, "the relay to publish all five events");

        var json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());
        T Payload<T>() => JsonSerializer.Deserialize<T>(published.Single(m => m.MessageType.StartsWith(typeof(T).FullName + ",", StringComparison.Ordinal)).Payload, json)!;
        Assert.Equal(new CommissionerDispatched(commissioner.Id, "李明", "茶叶栽培", _township, "茶园村", "县农业技术推广中心", new DateOnly(2024, 1, 1)),
            Payload<CommissionerDispatched>());
        Assert.Equal(new DateOnly(2027, 12, 31), Payload<ExpertIntroduced>().AgreementEnd);
        Assert.Equal((_township, 120.25m, new DateOnly(2024, 4, 1)),
            (Payload<DemonstrationBaseCertified>().Township, Payload<DemonstrationBaseCertified>().AreaMu, Payload<DemonstrationBaseCertified>().CertifiedOn));
        Assert.Equal((_township, 12, commissioner.Id), (Payload<DemonstrationHouseholdCertified>().Township,
            Payload<DemonstrationHouseholdCertified>().HouseholdsReached, Payload<DemonstrationHouseholdCertified>().CommissionerId));
        Assert.Equal(new TrainingHeld(training.Id, "柑橘提质增效技术培训", _township, new DateOnly(2024, 5, 1), 2, 90), Payload<TrainingHeld>());
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_malformed_bodies_400()
    {
        foreach (var collection in new[] { "experts", "demonstration-bases", "demonstration-households", "trainings" })
        {
            await Problems.AssertAsync(await _client.GetAsync($"/api/v1/talent/{collection}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
            var list = await Problems.AssertAsync(await _client.GetAsync($"/api/v1/talent/{collection}?year=0&pageSize=0"), HttpStatusCode.BadRequest);
            Assert.Equal(["pageSize", "year"], Problems.ErrorFields(list));
        }

        await Problems.AssertAsync(await _client.PostAsync("/api/v1/talent/trainings", new StringContent("{\"title\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var wrongType = await Problems.AssertAsync(await _client.PostAsJsonAsync("/api/v1/talent/trainings", new { sessions = "many" }), HttpStatusCode.BadRequest);
        Assert.Equal(["sessions"], Problems.ErrorFields(wrongType));
    }
}
