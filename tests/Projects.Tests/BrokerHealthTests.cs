using System.Net;
using CountyTech.Testing;

namespace CountyTech.Projects.Tests;

/// <summary>
/// A service's <c>/health</c> is its readiness: unready (503) while the broker is down, even for a service that only
/// publishes, and ready again by itself once the broker is back (the database's side: <see cref="DatabaseFaultTests"/>).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BrokerHealthTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Health_is_unready_while_the_broker_is_down_and_ready_again_after()
    {
        await using var service = new ProjectsServiceFactory(infrastructure);
        using var client = service.CreateClient();
        async Task<HttpStatusCode> HealthAsync() => (await client.GetAsync("/health")).StatusCode;
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
