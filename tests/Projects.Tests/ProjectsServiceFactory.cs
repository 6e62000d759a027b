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
/// <paramref name="settings"/> over its configuration (the gateway secret, for the tests of the trust boundary).
/// </summary>
public sealed class ProjectsServiceFactory(InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    private readonly string _database = "projects_" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:projects-db", infrastructure.Postgres.ConnectionString(_database));
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
