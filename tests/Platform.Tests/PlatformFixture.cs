using System.Net.Http.Headers;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CountyTech.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The whole platform from the AppHost (PostgreSQL, RabbitMQ, the services and the gateway), started once for the
/// collection with a throwaway data directory and a fresh bootstrap admin key, its gateway taking bearer tokens of the
/// city's identity provider besides API keys. Tests talk only to the gateway.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "countytech-platform-" + Guid.NewGuid().ToString("N")[..8]);
    private DistributedApplication? _app;
    private CityIdentityProvider? _identityProvider;

    public string AdminKey { get; } = "admin-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform is not started.");

    public CityIdentityProvider IdentityProvider => _identityProvider ?? throw new InvalidOperationException("The platform is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CountyTech_AppHost>(
            [$"--LocalServers:DataDirectory={_dataDirectory}", $"--COUNTYTECH_ADMIN_KEY={AdminKey}"], timeout.Token);
        _identityProvider = await CityIdentityProvider.StartAsync();
        builder.CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("Authentication__Jwt__Authority", _identityProvider.Authority)
            .WithEnvironment("Authentication__Jwt__Audience", CityIdentityProvider.Audience)
            .WithEnvironment("Authentication__Jwt__RequireHttpsMetadata", "false")
            // The authorization matrix sends several requests without valid credentials per operation from this one
            // address; the limit on those is the Gateway tests' subject (AbuseTests), not the matrix's.
            .WithEnvironment("Gateway__Limits__UnauthenticatedPermitsPerWindow", "100000");
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_identityProvider is not null)
        {
            await _identityProvider.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>A client of the gateway that sends <paramref name="apiKey"/>, or no key at all.</summary>
    public HttpClient Gateway(string? apiKey = null)
    {
        var client = App.CreateHttpClient("gateway");
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Registers a client through the admin API and returns its one-time key.</summary>
    public async Task<string> RegisterClientAsync(string name, params string[] scopes)
    {
        using var admin = Gateway(AdminKey);
        return (await PlatformClients.RegisterAsync(admin, name, scopes)).ApiKey;
    }

    public Task<string?> ConnectionStringAsync(string resource) => App.GetConnectionStringAsync(resource).AsTask();

    /// <summary>Registers a client through the admin API and returns its id and one-time key.</summary>
    public async Task<RegisteredClient> RegisterAsync(string name, params string[] scopes)
    {
        using var admin = Gateway(AdminKey);
        return await PlatformClients.RegisterAsync(admin, name, scopes);
    }

    /// <summary>The services of the deployment (every project but the gateway), as the AppHost names them.</summary>
    public IReadOnlyList<string> Services() =>
    [
        .. App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>()
            .Select(project => project.Name).Where(name => name != "gateway").Order(StringComparer.Ordinal),
    ];
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}
