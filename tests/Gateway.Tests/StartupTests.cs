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
}
