using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ClientIdsTests(GatewayFixture fixture)
{
    [Fact]
    public void The_longest_token_client_id_fits_the_columns_sized_for_client_ids()
    {
        Assert.True(ClientIds.TryForToken(new string('s', ClientIds.MaxTokenIdentifierLength), out var longest, out _));
        Assert.Equal(ClientIds.MaxLength, longest.Length);
        Assert.False(ClientIds.TryForToken(new string('s', ClientIds.MaxTokenIdentifierLength + 1), out _, out var error));
        Assert.Contains("255", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_ids_recorded_before_the_namespaces_are_rewritten_by_the_migration()
    {
        var options = new DbContextOptionsBuilder<GatewayDbContext>()
            .UseNpgsql(fixture.NewDatabase())
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new GatewayDbContext(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("Initial");
        var (registeredAdmin, registered, byToken) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, createdBy) in new[] { (registeredAdmin, "admin"), (registered, registeredAdmin.ToString()), (byToken, "city-sso") })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO api_clients (id, name, kind, scopes, key_hash, created_at, created_by)
                VALUES ({id}, '旧接入系统', 'department-app', ARRAY['admin'], {id.ToByteArray()}, {now}, {createdBy})
                """);
        }

        foreach (var clientId in new[] { "admin", registered.ToString(), "city-portal" })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO idempotent_requests (client_id, idempotency_key, fingerprint, lease_id, started_at, expires_at)
                VALUES ({clientId}, 'retry-1', {new byte[32]}, {Guid.NewGuid()}, {now}, {now.AddHours(24)})
                """);
        }

        await migrator.MigrateAsync();

        var creators = await db.ApiClients.ToDictionaryAsync(c => c.Id, c => c.CreatedBy);
        Assert.Equal("bootstrap", creators[registeredAdmin]);
        Assert.Equal($"key:{registeredAdmin}", creators[registered]);
        Assert.Equal("jwt:city-sso", creators[byToken]);
        var idempotencyOwners = await db.IdempotentRequests.Select(r => r.ClientId).ToListAsync();
        Assert.Equal(["bootstrap", "jwt:city-portal", $"key:{registered}"], idempotencyOwners.Order(StringComparer.Ordinal));
    }
}
