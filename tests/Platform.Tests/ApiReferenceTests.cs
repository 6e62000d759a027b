using System.Net;

namespace CountyTech.Platform.Tests;

/// <summary>An integrator reads the API reference at the gateway and can call what it describes from there.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiReferenceTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("projects", "/api/v1/projects/{id}/approval")]
    [InlineData("enterprises", "/api/v1/enterprises/annual-reports/import")]
    [InlineData("reporting", "/api/v1/reporting/indicators")]
    [InlineData("talent", "/api/v1/talent/commissioners/{id}/departure")]
    [InlineData("ip", "/api/v1/ip/patents/{id}/grant")]
    public async Task Each_service_document_is_public_points_at_the_gateway_and_asks_for_an_api_key(string service, string path)
    {
        using var anonymous = platform.Gateway();

        var document = await anonymous.GetAsync($"/openapi/{service}.json").JsonAsync(HttpStatusCode.OK);

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{path} is not documented");
        Assert.Equal("/", document.GetProperty("servers")[0].GetProperty("url").GetString());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task The_reference_page_is_served_without_a_key()
    {
        using var anonymous = platform.Gateway();

        using var page = await anonymous.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CountyTech API", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
