using System.Net;
using System.Net.Http.Json;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CountyTech.Projects.Tests;

/// <summary>
/// Transient database failures are invisible to callers: a terminated connection is retried on a new one, and a
/// database that stays unreachable is a 503 with <c>Retry-After</c>, never a 500 — and nothing is written twice.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DatabaseFaultTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private TcpFaultProxy _proxy = null!;
    private ProjectsServiceFactory _service = null!;
    private HttpClient _client = null!;
    private readonly string _township = "故障镇" + Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync()
    {
        _service = new ProjectsServiceFactory(infrastructure, reachDatabase: database =>
        {
            (_proxy, var throughProxy) = TcpFaultProxy.ForPostgres(database);
            return throughProxy;
        });
        _client = _service.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    private Task<HttpResponseMessage> SubmitAsync(string title) => _client.PostAsJsonAsync("/api/v1/projects", new
    {
        title, level = "county", field = "agriculture", leadOrganization = "县农业技术推广中心", township = _township,
        plannedStart = "2025-01-01", plannedEnd = "2025-12-31", budgetWan = 10,
    });

    private Task<int> StoredAsync() => _service.ReadAsync(db => db.Projects.CountAsync(p => p.Township == _township));

    [Fact]
    public async Task Writes_right_after_every_database_connection_is_terminated_succeed_once_each()
    {
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync("连接池预热")).StatusCode);

        for (var round = 0; round < 3; round++)
        {
            await using (var admin = new NpgsqlConnection(_service.DatabaseConnectionString))
            {
                await admin.OpenAsync();
                await using var terminate = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
                    admin);
                Assert.True((long)(await terminate.ExecuteScalarAsync())! >= 1, "the service had no connection to terminate");
            }

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SubmitAsync($"断连后第{round}轮第{i}项")));
            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));
        }

        Assert.Equal(1 + 3 * 4, await StoredAsync());
    }

    [Fact]
    public async Task A_write_while_the_database_is_unreachable_is_503_with_retry_after_and_succeeds_once_it_is_back()
    {
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync("断网前")).StatusCode);

        await _proxy.CutAsync();
        var during = await SubmitAsync("断网中");
        var read = await _client.GetAsync($"/api/v1/projects?township={Uri.EscapeDataString(_township)}");
        _proxy.Restore();

        var problem = await Problems.AssertAsync(during, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Service temporarily unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), during.Headers.RetryAfter?.Delta);
        await Problems.AssertAsync(read, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync("恢复后")).StatusCode);
        Assert.Equal(2, await StoredAsync());
    }

    [Fact]
    public async Task Health_is_unready_while_the_database_is_unreachable_and_ready_again_after()
    {
        async Task<HttpStatusCode> HealthAsync() => (await _client.GetAsync("/health")).StatusCode;
        await Eventually.UntilAsync(HealthAsync, status => status == HttpStatusCode.OK, "ready at start", TimeSpan.FromSeconds(60));

        await _proxy.CutAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());
        }
        finally
        {
            _proxy.Restore();
        }

        await Eventually.UntilAsync(HealthAsync, status => status == HttpStatusCode.OK, "ready again", TimeSpan.FromSeconds(60));
    }
}
