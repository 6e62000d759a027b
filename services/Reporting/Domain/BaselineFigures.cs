using CountyTech.ServiceDefaults;

namespace CountyTech.Reporting.Domain;

/// <summary>
/// A year's figures from the statistics and finance bureaus (统计与财政基础数据), all in 万元 except the population.
/// They feed <c>rd_expenditure</c>, <c>rd_intensity</c>, <c>fiscal_st_share</c> and the per-10k-people indicators.
/// </summary>
public sealed record BaselineFigures(
    decimal GdpWan, int Population, decimal GeneralBudgetExpenditureWan, decimal FiscalScienceExpenditureWan, decimal RdExpenditureWan)
{
    /// <summary>
    /// Checks figures as entered: all present and positive, the population a whole number of people, the science
    /// expenditure part of the general budget and the R&amp;D expenditure at most the GDP (compared only when both
    /// figures are valid on their own). Returns null when any fails, with a per-field message in <paramref name="errors"/>.
    /// </summary>
    public static BaselineFigures? Validate(
        decimal? gdpWan, decimal? population, decimal? generalBudgetExpenditureWan, decimal? fiscalScienceExpenditureWan,
        decimal? rdExpenditureWan, ValidationErrors errors)
    {
        var gdp = Positive(gdpWan, "gdpWan", errors);
        var people = Positive(population, "population", errors);
        var budget = Positive(generalBudgetExpenditureWan, "generalBudgetExpenditureWan", errors);
        var science = Positive(fiscalScienceExpenditureWan, "fiscalScienceExpenditureWan", errors);
        var rd = Positive(rdExpenditureWan, "rdExpenditureWan", errors);

        var wholePeople = people is { } p && decimal.Truncate(p) == p && p <= int.MaxValue;
        errors.Require(people is null || wholePeople, "population", "population must be a whole number of people.");
        // Lifted comparisons are false when either side is null: only figures valid on their own are compared.
        var scienceWithinBudget = !(science > budget);
        errors.Require(scienceWithinBudget, "fiscalScienceExpenditureWan",
            "fiscalScienceExpenditureWan is part of the general budget expenditure and cannot exceed generalBudgetExpenditureWan.");
        var rdWithinGdp = !(rd > gdp);
        errors.Require(rdWithinGdp, "rdExpenditureWan", "rdExpenditureWan cannot exceed gdpWan.");

        return gdp is { } g && wholePeople && budget is { } b && science is { } s && rd is { } r && scienceWithinBudget && rdWithinGdp
            ? new BaselineFigures(g, (int)people!.Value, b, s, r)
            : null;
    }

    private static decimal? Positive(decimal? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required.");
            return null;
        }

        if (value <= 0)
        {
            errors.Add(field, $"{field} must be greater than 0.");
            return null;
        }

        return value;
    }
}
