using CountyTech.ServiceDefaults;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Projects.Tests;

/// <summary>
/// The service's database connections keep the queries they run often prepared on the server (issue 7: unprepared,
/// PostgreSQL planned every read of a project again, three quarters of its CPU per read), unless the connection string
/// given says otherwise.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PreparedStatementsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_query_the_service_runs_repeatedly_on_a_connection_is_prepared_on_the_server()
    {
        await using var service = new ProjectsServiceFactory(infrastructure);
        _ = service.Server; // started: migrated

        var prepared = await service.ReadAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var id = Guid.NewGuid();
            for (var i = 0; i < 10; i++)
            {
                Assert.Null(await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id));
            }

            return await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        });

        Assert.Contains(prepared, statement => statement.Contains("FROM project", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Host=db;Database=projects", ConnectionStrings.PreparedStatementsPerConnection)]
    [InlineData("Host=db;Database=projects;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=projects;MaxAutoPrepare=7", 7)]
    [InlineData("Host=db;Database=projects;max auto prepare=3", 3)]
    public void A_connection_string_keeps_its_own_number_of_prepared_statements(string given, int expected)
    {
        var result = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionStrings.WithPreparedStatements(given));

        Assert.Equal(expected, result.MaxAutoPrepare);
        Assert.Equal("projects", result.Database);
    }
}
