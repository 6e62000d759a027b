using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Areas.IntellectualProperty;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The definitions of the intellectual-property indicators at year boundaries, on the real database: fact rows as the
/// projections write them, read back by the catalog's queries. With a population of 10,000 the number of invention
/// patents per 10,000 people is the number of invention patents in force.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class IntellectualPropertyYearBoundaryTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private Task RecordAsync<TFact>(TFact fact) where TFact : class, IFact =>
        Service.ReadAsync(async db =>
        {
            await db.RecordAsync(fact, CancellationToken.None);
            await db.SaveChangesAsync(); // the fact is sent with the save
            return 0;
        });

    private Task GrantedAsync(Guid patent, DateOnly grantedOn, PatentType type = PatentType.Invention) => RecordAsync(new PatentGrant
    {
        PatentId = patent, MessageId = Guid.CreateVersion7(), Type = type, Township = Township, GrantedOn = grantedOn,
    });

    private Task LapsedAsync(Guid patent, DateOnly grantedOn, DateOnly lapsedOn, PatentType type = PatentType.Invention) => RecordAsync(new PatentLapse
    {
        PatentId = patent, MessageId = Guid.CreateVersion7(), Type = type, Township = Township, GrantedOn = grantedOn, LapsedOn = lapsedOn,
    });

    private async Task<IReadOnlyList<decimal?>> ValuesAsync(string code, int from, int to)
    {
        var indicator = Service.Services.GetRequiredService<IndicatorCatalog>().Find(code)!;
        var values = await Service.ReadAsync(db => indicator.Query.CountyAsync(db, new YearRange(from, to), CancellationToken.None));
        return [.. values.Select(v => v.Value)];
    }

    private async Task PutPopulationsAsync(int from, int to)
    {
        for (var year = from; year <= to; year++)
        {
            await PutBaselineAsync(year, 1_000_000m, 10_000, 300_000m, 6_000m, 10_000m);
        }
    }

    [Fact]
    public async Task An_invention_granted_on_Dec_31st_counts_at_that_year_end_and_one_lapsed_on_Dec_31st_does_not()
    {
        await PutPopulationsAsync(2020, 2023);
        await GrantedAsync(Guid.NewGuid(), new(2021, 12, 31));

        var lapsedOnDec31 = Guid.NewGuid();
        await GrantedAsync(lapsedOnDec31, new(2020, 12, 31));
        await LapsedAsync(lapsedOnDec31, new(2020, 12, 31), new(2022, 12, 31));

        var lapsedOnJan1 = Guid.NewGuid();
        await GrantedAsync(lapsedOnJan1, new(2021, 1, 1));
        await LapsedAsync(lapsedOnJan1, new(2021, 1, 1), new(2023, 1, 1));

        // End of 2020: granted 2020-12-31. 2021: + granted 2021-12-31 and 2021-01-01. 2022: the one lapsed 2022-12-31
        // is out, the one lapsing 2023-01-01 still in. 2023: only the one never lapsed.
        Assert.Equal([1m, 3m, 2m, 1m], await ValuesAsync("invention_patents_per_10k", 2020, 2023));
    }

    [Fact]
    public async Task A_patent_lapsed_on_its_grant_day_is_never_in_force_at_a_year_end()
    {
        await PutPopulationsAsync(2021, 2021);
        var patent = Guid.NewGuid();
        await GrantedAsync(patent, new(2021, 12, 31));
        await LapsedAsync(patent, new(2021, 12, 31), new(2021, 12, 31));

        Assert.Equal([0m], await ValuesAsync("invention_patents_per_10k", 2021, 2021));
        Assert.Equal([1m], await ValuesAsync("invention_grants", 2021, 2021));
    }

    [Fact]
    public async Task Utility_models_and_designs_are_granted_patents_but_never_invention_patents_in_force()
    {
        await PutPopulationsAsync(2021, 2021);
        await GrantedAsync(Guid.NewGuid(), new(2021, 1, 1), PatentType.UtilityModel);
        await GrantedAsync(Guid.NewGuid(), new(2021, 12, 31), PatentType.Design);
        await GrantedAsync(Guid.NewGuid(), new(2021, 6, 1));

        Assert.Equal([1m], await ValuesAsync("invention_patents_per_10k", 2021, 2021));
        Assert.Equal([3m], await ValuesAsync("patent_grants", 2021, 2021));
        Assert.Equal([1m], await ValuesAsync("invention_grants", 2021, 2021));
    }

    [Fact]
    public async Task Without_a_population_the_ratio_is_null_and_with_one_the_division_is_exact()
    {
        await GrantedAsync(Guid.NewGuid(), new(2020, 5, 5));
        await PutBaselineAsync(2021, 1_000_000m, 30_000, 300_000m, 6_000m, 10_000m);

        Assert.Equal([null, 1m / 3m], await ValuesAsync("invention_patents_per_10k", 2020, 2021));
    }
}
