using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>A test of the running service: a fresh service and database per test, on the shared servers.</summary>
public abstract class ReportingServiceTest(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    protected ReportingServiceFactory Service { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>A township no other test uses.</summary>
    protected string Township { get; } = "测试镇" + Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync()
    {
        Service = new ReportingServiceFactory(infrastructure);
        Client = Service.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }

    protected async Task<JsonElement> GetOkAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReportingServiceFactory.BodyAsync(response);
    }

    /// <summary>Starts a rebuild: 202 at once, pointing at the status where it is followed.</summary>
    protected async Task<JsonElement> StartRebuildAsync()
    {
        using var response = await Client.PostAsync("/api/v1/reporting/rebuild", content: null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/v1/reporting/status", response.Headers.Location?.OriginalString);
        return await ReportingServiceFactory.BodyAsync(response);
    }

    /// <summary>The rebuild of the status once it has ended; it must have completed.</summary>
    protected async Task<JsonElement> RebuildEndedAsync()
    {
        var rebuild = await Eventually.UntilAsync(
            async () => (await GetOkAsync("/api/v1/reporting/status")).GetProperty("rebuild"),
            r => r.GetProperty("state").GetString() is "completed" or "failed",
            "the rebuild to end", TimeSpan.FromSeconds(90));
        Assert.Equal(("completed", JsonValueKind.Null), (rebuild.GetProperty("state").GetString(), rebuild.GetProperty("error").ValueKind));
        return rebuild;
    }

    protected Task<JsonElement> IndicatorsAsync(int year) => GetOkAsync($"/api/v1/reporting/indicators?year={year}");

    public async Task PutBaselineAsync(int year, decimal gdpWan, int population, decimal budgetWan, decimal scienceWan, decimal rdWan)
    {
        var response = await Client.PutAsJsonAsync($"/api/v1/reporting/baselines/{year}", new
        {
            gdpWan,
            population,
            generalBudgetExpenditureWan = budgetWan,
            fiscalScienceExpenditureWan = scienceWan,
            rdExpenditureWan = rdWan,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected static JsonElement Indicator(JsonElement indicators, string code) =>
        indicators.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    protected static decimal? Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetDecimal();

    /// <summary>Asserts an indicator's value, previous value and change, exactly.</summary>
    protected static void AssertIndicator(JsonElement indicators, string code, decimal? value, decimal? previous, decimal? yoy)
    {
        var indicator = Indicator(indicators, code);
        Assert.Equal(
            (code, value, previous, yoy),
            (code, Number(indicator.GetProperty("value")), Number(indicator.GetProperty("previousValue")),
                Number(indicator.GetProperty("yoyChangePercent"))));
    }

    protected static void AssertProjectHistory(JsonElement indicators)
    {
        foreach (var (code, expected) in ProjectHistory.Indicators)
        {
            AssertIndicator(indicators, code, expected.Value, expected.Previous, expected.Yoy);
        }
    }
}
