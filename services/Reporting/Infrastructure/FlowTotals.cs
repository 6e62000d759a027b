using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Queries;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// A flow's total for one year and township (<c>flow_totals</c>; '' for records without a township): the number of
/// its entries and the sum of their amounts. Kept by the database in the transaction of every write to the flow's
/// fact table; a total whose entries all went stays with 0 rows.
/// </summary>
public sealed class FlowTotal
{
    public required string Flow { get; init; }

    public required int Year { get; init; }

    public required string Township { get; init; }

    public required long Rows { get; init; }

    public required decimal Value { get; init; }
}

internal sealed class FlowTotalConfiguration : IEntityTypeConfiguration<FlowTotal>
{
    public void Configure(EntityTypeBuilder<FlowTotal> builder)
    {
        builder.ToTable("flow_totals");
        builder.HasKey(t => new { t.Flow, t.Year, t.Township });
    }
}

internal sealed class FlowDefinitionConfiguration : IEntityTypeConfiguration<FlowDefinition>
{
    public void Configure(EntityTypeBuilder<FlowDefinition> builder)
    {
        builder.ToTable("flow_definitions");
        builder.HasKey(d => d.Flow);
    }
}

/// <summary>
/// Keeps the totals of every flow (流量汇总) in the transaction of the fact writes: one statement trigger per fact
/// table and operation, with the rows the statement changed as transition tables, subtracts the totals of the old
/// rows and adds those of the new, with the flows' own <see cref="FlowDefinition.TotalsSql"/>. Whatever writes the
/// facts (a consumer's upsert, a rebuild's delete and replay, a bulk COPY) the totals follow, under the fact rows' own
/// locks, and a later event replacing a fact moves its amount from the old year and township to the new.
/// </summary>
public static class FlowTotals
{
    private const string TriggerPrefix = "flow_totals";

    /// <summary>
    /// Makes the database maintain exactly <paramref name="flows"/> (<see cref="KeptTotals{TDefinition}.InstallAsync"/>):
    /// the totals of flows gone are dropped and those of new flows derived from the facts already stored.
    /// </summary>
    public static Task<bool> InstallAsync(ReportingDbContext db, IEnumerable<FlowQuery> flows, CancellationToken cancellationToken) =>
        Flows.Instance.InstallAsync(db, [.. flows.Select(f => f.Definition(db)).DistinctBy(d => d.Flow)], cancellationToken);

    /// <summary>
    /// Derives every installed flow's totals afresh from the facts, as <see cref="InstallAsync"/> does for a new flow
    /// (the same SQL): what the maintained totals must equal.
    /// </summary>
    public static Task DeriveAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async (db, cancellationToken) =>
        {
            var installed = await db.Set<FlowDefinition>().AsNoTracking().ToListAsync(cancellationToken);
            await StatementTriggers.HoldAgainstWritesAsync(db, installed.Select(d => d.FactTable).Distinct(), cancellationToken);
            await db.Set<FlowTotal>().ExecuteDeleteAsync(cancellationToken);
            foreach (var flow in installed)
            {
                await StatementTriggers.ExecuteAsync(db, Upsert(flow.TotalsFrom(flow.FactTable), subtract: false), cancellationToken);
            }

            return 0;
        }, cancellationToken);

    /// <summary>Adds (or subtracts) the totals <paramref name="totals"/> selects, in key order so that writers meet the rows in one order.</summary>
    private static string Upsert(string totals, bool subtract) =>
        "INSERT INTO flow_totals AS t (flow, year, township, rows, value) " +
        $"SELECT flow, year, township, {(subtract ? "-rows, -value" : "rows, value")} FROM ({totals}) AS d ORDER BY flow, year, township " +
        "ON CONFLICT (flow, year, township) DO UPDATE SET rows = t.rows + EXCLUDED.rows, value = t.value + EXCLUDED.value";

    private static string CreateTriggers(string table, IReadOnlyList<FlowDefinition> flows)
    {
        string Totals(string relation) => string.Join(" UNION ALL ", flows.Select(f => f.TotalsFrom(relation)));
        return StatementTriggers.Create(TriggerPrefix, table,
            $"BEGIN IF TG_OP <> 'INSERT' THEN {Upsert(Totals("old_rows"), subtract: true)}; END IF; " +
            $"IF TG_OP <> 'DELETE' THEN {Upsert(Totals("new_rows"), subtract: false)}; END IF; " +
            "RETURN NULL; END");
    }

    private sealed class Flows : KeptTotals<FlowDefinition>
    {
        public static readonly Flows Instance = new();

        protected override string Prefix => TriggerPrefix;

        protected override string Key(FlowDefinition definition) => definition.Flow;

        protected override IReadOnlyList<string> Tables(FlowDefinition definition) => [definition.FactTable];

        protected override async Task ForgetAsync(ReportingDbContext db, IReadOnlyList<string> gone, CancellationToken cancellationToken)
        {
            await db.Set<FlowTotal>().Where(t => gone.Contains(t.Flow)).ExecuteDeleteAsync(cancellationToken);
            await db.Set<FlowDefinition>().Where(d => gone.Contains(d.Flow)).ExecuteDeleteAsync(cancellationToken);
        }

        protected override Task DeriveAsync(ReportingDbContext db, FlowDefinition definition, CancellationToken cancellationToken) =>
            StatementTriggers.ExecuteAsync(db, Upsert(definition.TotalsFrom(definition.FactTable), subtract: false), cancellationToken);

        protected override string CreateTriggers(string table, IReadOnlyList<FlowDefinition> definitions) =>
            FlowTotals.CreateTriggers(table, definitions);
    }
}

/// <summary>
/// Installs the catalog's flows (<see cref="FlowTotals.InstallAsync"/>) and its distinct counts and stocks
/// (<see cref="SubjectTotals.InstallAsync"/>) when the service starts: after the database migrator and before the bus,
/// as hosted services start in order of registration.
/// </summary>
internal sealed class FlowTotalsInstaller(IServiceScopeFactory scopes, IndicatorCatalog catalog, ILogger<FlowTotalsInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        if (await FlowTotals.InstallAsync(db, catalog.Flows, cancellationToken))
        {
            logger.LogInformation("Installed the totals of {Flows} flows", catalog.Flows.Count);
        }

        var measures = catalog.Measures(db);
        if (await SubjectTotals.InstallAsync(db, measures, cancellationToken))
        {
            logger.LogInformation("Installed the totals of {Measures} distinct counts and stocks", measures.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
