using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Projects.Infrastructure;
using CountyTech.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Projects.Tests;

/// <summary>
/// The real Projects service on its own fresh database of the shared PostgreSQL, with the shared RabbitMQ, and
/// <paramref name="settings"/> over its configuration (the gateway secret, for the tests of the trust boundary); its
/// database reached through the connection string <paramref name="reachDatabase"/> makes (a fault proxy), or directly;
/// two factories given the same <paramref name="database"/> name are two replicas of one service.
/// </summary>
public sealed class ProjectsServiceFactory(
    InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? settings = null, Func<string, string>? reachDatabase = null,
    string? database = null)
    : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    private readonly string _database = database ?? NewDatabaseName();

    /// <summary>A database name no other test uses (PostgreSQL creates it on first start).</summary>
    public static string NewDatabaseName() => "projects_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The service's database, reached directly.</summary>
    public string DatabaseConnectionString => infrastructure.Postgres.ConnectionString(_database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var database = DatabaseConnectionString;
        builder.UseSetting("ConnectionStrings:projects-db", reachDatabase is null ? database : reachDatabase(database));
        builder.UseSetting("ConnectionStrings:messaging", infrastructure.RabbitMq.ConnectionString);
        builder.UseSetting("Outbox:IdleDelay", "00:00:00.050");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<T> ReadAsync<T>(Func<ProjectsDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProjectsDbContext>());
    }

    public static async Task<T> BodyAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;
}
