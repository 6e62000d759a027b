using System.Buffers.Text;
using System.Net;
using System.Text;
using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Infrastructure;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ApiKeysTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored_and_only_the_key_itself_authenticates()
    {
        var gateway = fixture.Gateway;
        var (id, key) = await GatewayFixture.RegisterClientAsync(gateway, "projects:read");
        var stored = await StoredHashAsync(gateway, Guid.Parse(id));
        using var withKey = gateway.ClientWithKey(key);
        using var withHashInHex = gateway.ClientWithKey(Convert.ToHexStringLower(stored));
        using var withHashInBase64 = gateway.ClientWithKey(Convert.ToBase64String(stored));

        Assert.NotEqual(Encoding.UTF8.GetBytes(key), stored);
        Assert.NotEqual(Base64Url.DecodeFromChars(key.AsSpan(ApiKeys.Prefix.Length)), stored);
        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync("/api/v1/projects")).StatusCode);
        await Problems.AssertAsync(await withHashInHex.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
        await Problems.AssertAsync(await withHashInBase64.GetAsync("/api/v1/projects"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void The_bootstrap_admin_key_matches_only_itself()
    {
        var admin = new BootstrapAdminKey("ct_bootstrap");

        Assert.True(admin.Matches(ApiKeys.Hash("ct_bootstrap")));
        Assert.False(admin.Matches(ApiKeys.Hash("ct_bootstraq")));
        Assert.False(new BootstrapAdminKey(null).Matches(ApiKeys.Hash(string.Empty)));
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", "ct_a-bootstrap-key-of-32-characters", true)]
    [InlineData("Production", "ct_a-bootstrap-key-of-32-characters", true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", "  ", false)]
    [InlineData("Development", "ct_short-bootstrap-key-31-chars", false)]
    public void Outside_development_the_bootstrap_key_is_required_and_is_never_shorter_than_32_characters(string environment, string? key, bool starts)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [BootstrapAdminKey.VariableName] = key })
            .Build();
        var host = new HostingEnvironment { EnvironmentName = environment };

        var failure = Record.Exception(() => BootstrapAdminKey.FromConfiguration(configuration, host));

        Assert.Equal(starts, failure is null);
    }

    private static async Task<byte[]> StoredHashAsync(GatewayFactory gateway, Guid clientId)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().ApiClients
            .Where(c => c.Id == clientId).Select(c => c.KeyHash).SingleAsync();
    }
}
