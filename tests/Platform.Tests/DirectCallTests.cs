using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// A local process that reaches a service's own port, past the gateway, is refused: every service of the deployment
/// (new areas included, found in the AppHost's model) answers 401 without the gateway's proof, whatever identity headers
/// it makes up, and only its health probes answer. Services listen on the loopback interface only.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DirectCallTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_service_refuses_calls_that_do_not_come_through_the_gateway()
    {
        var services = platform.Services();
        Assert.Contains("projects", services);
        Assert.Contains("reporting", services);

        // Each service serves /api/v1/<its name> (RouteTable: the area's service is named like the area).
        foreach (var service in services)
        {
            var endpoint = platform.App.GetEndpoint(service, "http");
            Assert.True(endpoint.IsLoopback, $"{service} listens on {endpoint}, not on the loopback interface");

            using var direct = platform.App.CreateHttpClient(service);
            direct.DefaultRequestHeaders.Add("X-CountyTech-Client-Id", "bootstrap");
            direct.DefaultRequestHeaders.Add("X-CountyTech-Scopes", "admin");
            direct.DefaultRequestHeaders.Add("X-CountyTech-Gateway-Proof", "4102444800.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

            await direct.GetAsync($"/api/v1/{service}").ProblemAsync(HttpStatusCode.Unauthorized);
            await direct.PostAsJsonAsync($"/api/v1/{service}", new { }).ProblemAsync(HttpStatusCode.Unauthorized);
            await direct.GetAsync("/openapi/v1.json").ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/health")).StatusCode);
        }

        using var reporting = platform.App.CreateHttpClient("reporting");
        await reporting.PostAsync("/api/v1/reporting/rebuild", null).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
