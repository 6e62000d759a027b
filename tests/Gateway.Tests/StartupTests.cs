namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class StartupTests(GatewayFixture fixture)
{
    [Fact]
    public void Outside_development_the_gateway_refuses_to_start_without_the_bootstrap_admin_key()
    {
        var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["COUNTYTECH_ADMIN_KEY"] = "" }, environment: "Production");

        var failure = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("COUNTYTECH_ADMIN_KEY is not set", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_the_gateway_refuses_to_start_without_the_platform_secret_it_signs_with()
    {
        var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["COUNTYTECH_GATEWAY_SECRET"] = "" }, environment: "Production");

        var failure = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("COUNTYTECH_GATEWAY_SECRET is not set", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bootstrap_admin_key_shorter_than_32_characters_stops_the_gateway()
    {
        var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["COUNTYTECH_ADMIN_KEY"] = "admin-key-of-31-characters-long" });

        var failure = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("at least 32", failure.ToString(), StringComparison.Ordinal);
    }
}
