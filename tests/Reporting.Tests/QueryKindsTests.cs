using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Areas.Projects;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.Queries;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The query kinds the areas build their indicators from, on the real database: rows of a projects fact table (payments
/// of a project, their subject the project) stand in for any area's records, as the kinds see only dates, subjects and
/// townships. Each test filters on its own township, so it sees only its own rows.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class QueryKindsTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private readonly Guid _enterprise = Guid.NewGuid();

    private Task AddAsync(Guid subject, DateOnly on, string? township = null) => Service.ReadAsync(async db =>
    {
        await db.RecordAsync(new ProjectDisbursement
        {
            DisbursementId = Guid.NewGuid(), MessageId = Guid.CreateVersion7(), ProjectId = subject, Level = ProjectLevel.County,
            Township = township ?? Township, PaidOn = on, AmountWan = 1m,
        }, CancellationToken.None);
        await db.SaveChangesAsync(); // the fact is sent with the save
        return 0;
    });

    // The townships are constants: a distinct count or stock is read from the totals the database keeps for it, and a
    // query with parameters cannot be kept.
    private IQueryable<ProjectDisbursement> Mine(ReportingDbContext db) =>
        db.Set<ProjectDisbursement>().Where(d => d.Township == EF.Constant(Township) || d.Township == EF.Constant(Township + "乙"));

    /// <summary>Has the database keep the totals of <paramref name="query"/> beside the catalog's, so its facts added next are counted.</summary>
    private Task<TQuery> KeptAsync<TQuery>(TQuery query) where TQuery : IIndicatorQuery => Service.ReadAsync(async db =>
    {
        await SubjectTotals.InstallAsync(
            db, [.. Service.Services.GetRequiredService<IndicatorCatalog>().Measures(db), .. query.Measures(db)], CancellationToken.None);
        return query;
    });

    /// <summary>Certificates issued on PaidOn, each valid for three years.</summary>
    private StockQuery Certificates() => new(db => Mine(db).Select(d => new IntervalEntry
    {
        Subject = d.ProjectId, From = d.PaidOn, Until = d.PaidOn.AddYears(3), Township = d.Township,
    }));

    private Task<IReadOnlyList<YearValue>> CountyAsync(IIndicatorQuery query, int from, int to) =>
        Service.ReadAsync(db => query.CountyAsync(db, new YearRange(from, to), CancellationToken.None));

    [Fact]
    public async Task A_stock_holds_a_subject_from_its_first_day_until_the_day_before_its_end_at_each_year_end()
    {
        var certificates = await KeptAsync(Certificates());
        await AddAsync(_enterprise, new(2020, 6, 1));      // valid at the end of 2020, 2021 and 2022, expired 2023-06-01
        await AddAsync(Guid.NewGuid(), new(2021, 12, 31)); // in from the last day of 2021; ends 2024-12-31: not at the end of 2024
        await AddAsync(Guid.NewGuid(), new(2020, 1, 1));   // ends 2023-01-01: still at the end of 2022

        var values = await CountyAsync(certificates, 2019, 2024);

        Assert.Equal([0m, 2m, 3m, 3m, 1m, 0m], values.Select(v => v.Value));
    }

    [Fact]
    public async Task A_stock_counts_a_subject_once_however_many_of_its_intervals_hold_the_year_end()
    {
        var certificates = await KeptAsync(Certificates());
        await AddAsync(_enterprise, new(2020, 6, 1));
        await AddAsync(_enterprise, new(2021, 6, 1));
        await AddAsync(Guid.NewGuid(), new(2021, 3, 1), Township + "乙");

        var county = await CountyAsync(certificates, 2021, 2021);
        var townships = await Service.ReadAsync(db => certificates.ByTownshipAsync(db, new YearRange(2021, 2022), CancellationToken.None));

        Assert.Equal(2m, Assert.Single(county).Value);
        Assert.Equal(
            [(Township, new decimal?[] { 1m, 1m }), (Township + "乙", [1m, 1m])],
            townships.Select(t => (t.Township, t.Points.Select(p => p.Value).ToArray())));
    }

    [Fact]
    public async Task A_stock_without_an_end_holds_from_its_first_day_on()
    {
        var recognised = await KeptAsync(new StockQuery(db => Mine(db).Select(d => new IntervalEntry { Subject = d.ProjectId, From = d.PaidOn, Until = null, Township = d.Township })));
        await AddAsync(_enterprise, new(2022, 12, 31));

        Assert.Equal([0m, 1m, 1m], (await CountyAsync(recognised, 2021, 2023)).Select(v => v.Value));
    }

    [Fact]
    public async Task A_distinct_count_counts_each_subject_once_in_each_year_it_has_an_entry()
    {
        var certified = await KeptAsync(new DistinctCountQuery(db => Mine(db).Select(d => new SubjectEntry { Subject = d.ProjectId, On = d.PaidOn, Township = d.Township })));
        await AddAsync(_enterprise, new(2023, 1, 1));
        await AddAsync(_enterprise, new(2023, 12, 31));
        await AddAsync(_enterprise, new(2024, 5, 1));
        await AddAsync(Guid.NewGuid(), new(2023, 7, 1), Township + "乙");

        var county = await CountyAsync(certified, 2022, 2024);
        var townships = await Service.ReadAsync(db => certified.ByTownshipAsync(db, new YearRange(2023, 2024), CancellationToken.None));

        Assert.Equal([0m, 2m, 1m], county.Select(v => v.Value));
        Assert.Equal(
            [(Township, new decimal?[] { 1m, 1m }), (Township + "乙", [1m, 0m])],
            townships.Select(t => (t.Township, t.Points.Select(p => p.Value).ToArray())));
    }

    [Fact]
    public async Task A_ratio_of_a_flow_to_the_stock_at_the_start_of_the_year_is_null_when_that_stock_is_empty()
    {
        var certificates = await KeptAsync(Certificates());
        await AddAsync(_enterprise, new(2021, 6, 1));
        await AddAsync(Guid.NewGuid(), new(2021, 8, 1));
        await AddAsync(Guid.NewGuid(), new(2022, 2, 1));
        // A flow is read from the totals the database keeps for it: installed beside the catalog's, from the facts stored,
        // its SQL without parameters (the township a constant).
        var entered = new FlowQuery(db => db.Set<ProjectDisbursement>().Where(d => d.Township == EF.Constant(Township))
            .Select(d => new FlowEntry { On = d.PaidOn, Township = null, Amount = 1 }));
        await Service.ReadAsync(db => FlowTotals.InstallAsync(
            db, [.. Service.Services.GetRequiredService<IndicatorCatalog>().Flows, entered], CancellationToken.None));
        var turnover = new RatioQuery(entered, new StartOfYearQuery(certificates), 100);

        // 2021: nobody at the start → null, not 0; 2022: 1 entered / 2 at the start = 50 %.
        Assert.Equal([null, 50m], (await CountyAsync(turnover, 2021, 2022)).Select(v => v.Value));
    }
}
