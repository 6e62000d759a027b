using System.Net;
using CountyTech.Testing;

namespace CountyTech.Projects.Tests;

/// <summary>
/// A service's <c>/health</c> is its readiness: unready (503) while its database or the broker is unreachable, so an
/// orchestrator or load balancer sends it no traffic, and ready again by itself once the dependency is back.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DependencyHealthTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private TcpFaultProxy _proxy = null!;
    private ProjectsServiceFactory _service = null!;
    private HttpClient _client = null!;

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

    private async Task<HttpStatusCode> HealthAsync() => (await _client.GetAsync("/health")).StatusCode;

    [Fact]
    public async Task Health_is_unready_while_the_database_is_unreachable_and_ready_again_after()
    {
        await Eventually.UntilAsync(HealthAsync, status => status == HttpStatusCode.OK, "ready at start", Patience);

        await _proxy.CutAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());
        }
        finally
        {
            _proxy.Restore();
        }

        await Eventually.UntilAsync(HealthAsync, status => status == HttpStatusCode.OK, "ready again", Patience);
    }

    [Fact]
    public async Task Health_is_unready_while_the_broker_is_down_and_ready_again_after()
    {
        await Eventually.UntilAsync(HealthAsync, status => status == HttpStatusCode.OK, "ready at start", Patience);

        await infrastructure.RabbitMq.StopAsync(CancellationToken.None);
        try
        {
            await Eventually.UntilAsync(HealthAsync, status => status == HttpStatusCode.ServiceUnavailable, "unready with the broker down", Patience);
        }
        finally
        {
            // Whatever happened, the next tests of the collection get their broker back.
            await infrastructure.RabbitMq.StartAsync(CancellationToken.None);
        }

        await Eventually.UntilAsync(HealthAsync, status => status == HttpStatusCode.OK, "ready again", Patience);
    }
}
