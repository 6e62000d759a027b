namespace CountyTech.BureauRules;

/// <summary>Money in 万元 (ten-thousand yuan) and land in 亩, as the bureau records them.</summary>
public static class Amounts
{
    /// <summary>Far beyond any amount a county records (1 万亿元); keeps sums of many rows exact in decimal.</summary>
    public const decimal MaxWan = 100_000_000m;

    public const decimal MaxMu = 10_000_000m;

    /// <summary>A required amount in 万元, more than 0, with at most 4 decimals (to the yuan).</summary>
    public static decimal Wan(decimal? amount, string field, ValidationErrors errors)
    {
        var value = errors.Present(amount, field);
        errors.Require(amount is null || (value > 0 && value <= MaxWan), field, $"{field} must be more than 0 and at most {MaxWan} 万元.");
        RequireYuan(amount, field, errors);
        return value;
    }

    /// <summary>A required amount in 万元 that may be 0 (a revenue, an expense), with at most 4 decimals.</summary>
    public static decimal WanOrZero(decimal? amount, string field, ValidationErrors errors)
    {
        var value = errors.Present(amount, field);
        errors.Require(amount is null || (value >= 0 && value <= MaxWan), field, $"{field} must be between 0 and {MaxWan} 万元.");
        RequireYuan(amount, field, errors);
        return value;
    }

    /// <summary>An optional area in 亩: absent, or not negative with at most 2 decimals.</summary>
    public static decimal? Mu(decimal? area, string field, ValidationErrors errors)
    {
        errors.Require(area is null || (area >= 0 && area <= MaxMu && decimal.Round(area.Value, 2) == area),
            field, $"{field} must be between 0 and {MaxMu} 亩 with at most 2 decimals.");
        return area;
    }

    /// <summary>A required count of people, days or sessions: a whole number from 0 to <paramref name="max"/>.</summary>
    public static int Count(int? count, string field, ValidationErrors errors, int max = 10_000_000)
    {
        var value = errors.Present(count, field);
        errors.Require(count is null || (value >= 0 && value <= max), field, $"{field} must be between 0 and {max}.");
        return value;
    }

    private static void RequireYuan(decimal? amount, string field, ValidationErrors errors) =>
        errors.Require(amount is null || decimal.Round(amount.Value, 4) == amount.Value, field,
            $"{field} has more than 4 decimals (万元 to the yuan).");
}
