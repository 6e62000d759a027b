using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>The service's OpenAPI document, which the gateway serves with the others.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OpenApiTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    [Fact]
    public async Task The_document_describes_every_reporting_endpoint()
    {
        var paths = (await GetOkAsync("/openapi/v1.json")).GetProperty("paths");

        Assert.Equal(
            ["/api/v1/reporting/baselines/{year}", "/api/v1/reporting/indicators", "/api/v1/reporting/indicators/{code}",
             "/api/v1/reporting/rebuild", "/api/v1/reporting/reports/{year}", "/api/v1/reporting/status"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/api/v1/reporting/baselines/{year}").TryGetProperty("put", out _));
    }
}
