using CountyTech.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>How a year's baseline (基础数据) is stored.</summary>
public static class BaselineUpsert
{
    /// <summary>
    /// Enters the figures of <paramref name="year"/>, replacing any entered before, in one atomic statement, and returns
    /// the row as stored (timestamps to the microsecond). Concurrent entries of a new year therefore all succeed, and
    /// the row left is the last one's, instead of the losers of an insert race answering 409.
    /// </summary>
    public static async Task<Baseline> UpsertBaselineAsync(
        this ReportingDbContext db, int year, BaselineFigures figures, DateTimeOffset now, CancellationToken cancellationToken)
    {
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
        return stored.Single();
    }
}
