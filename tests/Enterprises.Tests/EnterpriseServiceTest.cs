using System.Net;
using System.Net.Http.Json;
using CountyTech.Enterprises.Apis;
using CountyTech.Testing;

namespace CountyTech.Enterprises.Tests;

/// <summary>A test of the running service: a fresh service and database per test, on the shared servers.</summary>
public abstract class EnterpriseServiceTest(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    protected EnterprisesServiceFactory Service { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>A township no other test uses.</summary>
    protected string Township { get; } = "测试镇" + Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync()
    {
        Service = new EnterprisesServiceFactory(infrastructure);
        Client = Service.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }

    protected static object Registration(string creditCode, string township, string industry = "电子信息", string registeredOn = "2012-08-08",
        bool aboveDesignatedSize = true) => new
    {
        creditCode,
        name = "某某科技有限公司" + creditCode[^4..],
        industry,
        township,
        registeredOn,
        aboveDesignatedSize,
    };

    protected async Task<EnterpriseResponse> RegisterAsync(
        string? creditCode = null, string industry = "电子信息", string registeredOn = "2012-08-08", bool aboveDesignatedSize = true)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/enterprises",
            Registration(creditCode ?? CreditCodes.NewValid(), Township, industry, registeredOn, aboveDesignatedSize));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await EnterprisesServiceFactory.BodyAsync<EnterpriseResponse>(response);
    }

    protected Task<HttpResponseMessage> PostAsync(Guid id, string step, object body) =>
        Client.PostAsJsonAsync($"/api/v1/enterprises/{id}/{step}", body);

    protected async Task<EnterpriseResponse> OkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<EnterpriseResponse>(body, EnterprisesServiceFactory.Json)!;
    }

    protected Task<HttpResponseMessage> ReportAsync(Guid id, int year, decimal revenue, decimal rdExpense, int employees, int techStaff, decimal highTech) =>
        Client.PutAsJsonAsync($"/api/v1/enterprises/{id}/annual-reports/{year}", new
        {
            revenueWan = revenue, rdExpenseWan = rdExpense, employees, techStaff, highTechRevenueWan = highTech,
        });

    protected async Task<T> GetAsync<T>(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 from {path}, got {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, EnterprisesServiceFactory.Json)!;
    }
}
