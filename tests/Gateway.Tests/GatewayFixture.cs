using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Gateway.Tests;

/// <summary>
/// Started once for the gateway's integration tests: a real PostgreSQL, the echo service standing in for the
/// services, and a gateway with default settings. Tests that need other settings make their own gateway.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    private readonly List<GatewayFactory> _factories = [];
    private PostgresServer _postgres = null!;

    public EchoService Echo { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync(CancellationToken.None);
        Echo = await EchoService.StartAsync();
        Gateway = NewGateway();
    }

    /// <summary>A gateway of its own, on its own database, with <paramref name="settings"/> over the defaults.</summary>
    public GatewayFactory NewGateway(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = "Development")
    {
        var database = "gateway_" + Guid.NewGuid().ToString("N")[..12];
        var factory = new GatewayFactory(_postgres.ConnectionString(database), Echo.Address, settings, services, environment);
        _factories.Add(factory);
        return factory;
    }

    /// <summary>Registers a client through the admin API and returns its id and API key.</summary>
    public static async Task<(string Id, string ApiKey)> RegisterClientAsync(GatewayFactory gateway, params string[] scopes)
    {
        using var admin = gateway.ClientWithKey(GatewayFactory.AdminKey);
        var response = await admin.PostAsJsonAsync("/api/v1/admin/clients",
            new { name = "测试接入系统 " + Guid.NewGuid().ToString("N")[..6], kind = "department-app", scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        await Echo.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Gateway";
}
