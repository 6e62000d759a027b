using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.IntellectualProperty.Infrastructure;
using CountyTech.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.IntellectualProperty.Tests;

/// <summary>The real Intellectual Property service on its own fresh database of the shared PostgreSQL, with the shared RabbitMQ.</summary>
public sealed class IntellectualPropertyServiceFactory(InfrastructureFixture infrastructure) : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    private readonly string _database = "ip_" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:ip-db", infrastructure.Postgres.ConnectionString(_database));
        builder.UseSetting("ConnectionStrings:messaging", infrastructure.RabbitMq.ConnectionString);
        builder.UseSetting("Outbox:IdleDelay", "00:00:00.050");
    }

    public async Task<T> ReadAsync<T>(Func<IntellectualPropertyDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IntellectualPropertyDbContext>());
    }

    public static async Task<T> BodyAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;
}
