using System.Net;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Projects.Tests;

/// <summary>
/// Replicas of a service started together on a fresh database apply its migrations one after another (the fault
/// campaign with two replicas once saw the second die with "relation … already exists"): every replica starts, and each
/// migration is applied once.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ReplicaStartTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Three_replicas_starting_together_on_a_fresh_database_all_start_and_migrate_it_once()
    {
        var database = ProjectsServiceFactory.NewDatabaseName();
        var replicas = Enumerable.Range(0, 3).Select(_ => new ProjectsServiceFactory(infrastructure, database: database)).ToList();
        try
        {
            // CreateClient starts the host: its migrator runs before the server takes requests.
            var clients = await Task.WhenAll(replicas.Select(replica => Task.Run(replica.CreateClient)));
            foreach (var client in clients)
            {
                using var health = await client.GetAsync("/health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                client.Dispose();
            }

            var declared = await replicas[0].ReadAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
            var applied = await replicas[0].ReadAsync(db => db.Database.GetAppliedMigrationsAsync());
            Assert.NotEmpty(declared);
            Assert.Equal(declared, applied);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }
}
