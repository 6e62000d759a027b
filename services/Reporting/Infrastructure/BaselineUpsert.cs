using CountyTech.Reporting.Domain;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>How a year's baseline (基础数据) is stored.</summary>
public static class BaselineUpsert
{
    /// <summary>Baselines' key space for PostgreSQL advisory locks (one lock per year).</summary>
    private const int BaselineLocks = 0x0B45E;

    /// <summary>
    /// Enters the figures of <paramref name="year"/>, replacing any entered before, and returns the row as stored
    /// (timestamps to the microsecond) with the one it replaced, for the audit trail. Entries of the same year take
    /// turns on an advisory lock, so each sees exactly the figures it replaces, and the insert is an upsert, so
    /// concurrent entries of a new year all succeed (the row left is the last one's) instead of the losers answering 409.
    /// Retried as a whole on a transient database failure, the replaced row read again.
    /// </summary>
    public static Task<(Baseline Stored, Baseline? Replaced)> UpsertBaselineAsync(
        this ReportingDbContext db, int year, BaselineFigures figures, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async (db, cancellationToken) =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BaselineLocks}, {year})", cancellationToken);
            var replaced = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.Year == year, cancellationToken);
            var stored = await db.Baselines.FromSql($"""
                INSERT INTO baselines (year, gdp_wan, population, general_budget_expenditure_wan, fiscal_science_expenditure_wan,
                                       rd_expenditure_wan, updated_at)
                VALUES ({year}, {figures.GdpWan}, {figures.Population}, {figures.GeneralBudgetExpenditureWan},
                        {figures.FiscalScienceExpenditureWan}, {figures.RdExpenditureWan}, {now})
                ON CONFLICT (year) DO UPDATE SET
                    gdp_wan = excluded.gdp_wan,
                    population = excluded.population,
                    general_budget_expenditure_wan = excluded.general_budget_expenditure_wan,
                    fiscal_science_expenditure_wan = excluded.fiscal_science_expenditure_wan,
                    rd_expenditure_wan = excluded.rd_expenditure_wan,
                    updated_at = excluded.updated_at
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            return (stored.Single(), replaced);
        }, cancellationToken);
}
