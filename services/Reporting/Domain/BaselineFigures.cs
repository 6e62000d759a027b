using CountyTech.BureauRules;
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
    /// 10^12 万元, some 80 times the whole country's GDP: anything above is a typo. The bound also keeps the scaled
    /// numerators of the ratios (<c>figure × 100</c>) well inside <see cref="decimal"/>.
    /// </summary>
    public const decimal MaxWan = 1_000_000_000_000m;

    /// <summary>
    /// Checks figures as entered: all present, positive and at most <see cref="MaxWan"/> 万元 with at most 4 decimals, the population a whole
    /// number of people up to <see cref="int.MaxValue"/>, the science expenditure part of the general budget and the
    /// R&amp;D expenditure at most the GDP (compared only when both figures are valid on their own). Returns null when
    /// any fails, with a per-field message in <paramref name="errors"/>.
    /// </summary>
    public static BaselineFigures? Validate(
        decimal? gdpWan, decimal? population, decimal? generalBudgetExpenditureWan, decimal? fiscalScienceExpenditureWan,
        decimal? rdExpenditureWan, ValidationErrors errors)
    {
        var gdp = Positive(gdpWan, "gdpWan", MaxWan, errors);
        var people = Positive(population, "population", int.MaxValue, errors, decimals: null);
        var budget = Positive(generalBudgetExpenditureWan, "generalBudgetExpenditureWan", MaxWan, errors);
        var science = Positive(fiscalScienceExpenditureWan, "fiscalScienceExpenditureWan", MaxWan, errors);
        var rd = Positive(rdExpenditureWan, "rdExpenditureWan", MaxWan, errors);

        var wholePeople = people is { } p && decimal.Truncate(p) == p;
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

    /// <summary>
    /// A figure above 0 and at most <paramref name="max"/>, in 万元 to the yuan (at most 4 decimals) unless
    /// <paramref name="decimals"/> is null. The smallest figure is thus 0.0001 万元, which keeps every ratio and
    /// year-on-year change of the baselines far inside <see cref="decimal"/>.
    /// </summary>
    private static decimal? Positive(decimal? value, string field, decimal max, ValidationErrors errors, int? decimals = 4)
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

        if (value > max)
        {
            errors.Add(field, $"{field} must be at most {max}.");
            return null;
        }

        if (decimals is { } places && decimal.Round(value.Value, places) != value)
        {
            errors.Add(field, $"{field} has more than {places} decimals (万元 to the yuan).");
            return null;
        }

        return value;
    }
}
