using CountyTech.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Gateway.Tests;

/// <summary>
/// Started once for the gateway's integration tests: a real PostgreSQL, the echo service standing in for the
/// services, and a gateway with default settings. Tests that need other settings make their own gateway.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
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

    /// <summary>
    /// A gateway of its own, on its own database (or on <paramref name="database"/>, to run a second instance of a
    /// gateway), with <paramref name="settings"/> over the defaults.
    /// </summary>
    public GatewayFactory NewGateway(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = "Development",
        string? database = null)
    {
        var factory = new GatewayFactory(database ?? NewDatabase(), Echo.Address, settings, services, environment);
        _factories.Add(factory);
        return factory;
    }

    /// <summary>The connection string of a new, empty database of the shared PostgreSQL.</summary>
    public string NewDatabase() => _postgres.ConnectionString("gateway_" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Registers a client through the admin API and returns its id and API key.</summary>
    public static async Task<RegisteredClient> RegisterClientAsync(GatewayFactory gateway, params string[] scopes)
    {
        using var admin = gateway.ClientWithKey(GatewayFactory.AdminKey);
        return await PlatformClients.RegisterAsync(admin, "测试接入系统 " + Guid.NewGuid().ToString("N")[..6], scopes);
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
