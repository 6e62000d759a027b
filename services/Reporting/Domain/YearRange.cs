namespace CountyTech.Reporting.Domain;

/// <summary>Calendar years <see cref="From"/> to <see cref="To"/>, both included.</summary>
public readonly record struct YearRange(int From, int To)
{
    /// <summary>January 1st of <see cref="From"/>.</summary>
    public DateOnly FirstDay => new(From, 1, 1);

    /// <summary>December 31st of <see cref="To"/>, the <c>end(Y)</c> of INDICATORS.md.</summary>
    public DateOnly LastDay => new(To, 12, 31);

    public IEnumerable<int> Years => Enumerable.Range(From, To - From + 1);

    /// <summary>
    /// One value per year from per-year sums or counts; a year with none is a real 0, not a missing value: the source of
    /// a flow or count is a service that publishes every such record as it happens, so a year without one is a year in
    /// which none happened.
    /// </summary>
    public IReadOnlyList<YearValue> EveryYear(IReadOnlyDictionary<int, decimal> values) =>
        Years.Select(year => new YearValue(year, values.GetValueOrDefault(year))).ToList();
}

/// <summary>An indicator's value for one year; null where an input is missing.</summary>
public sealed record YearValue(int Year, decimal? Value);

/// <summary>An indicator's value for one township (乡镇) and year, as a grouped query returns it.</summary>
public sealed record TownshipYearValue(string Township, int Year, decimal Value);

/// <summary>An indicator's values year by year in one township (乡镇).</summary>
public sealed record TownshipSeries(string Township, IReadOnlyList<YearValue> Points)
{
    /// <summary>One series per township that has a value in <paramref name="years"/>, ordered by township, 0 in its other years.</summary>
    public static IReadOnlyList<TownshipSeries> From(YearRange years, IEnumerable<TownshipYearValue> values) =>
        values
            .GroupBy(v => v.Township)
            .OrderBy(township => township.Key, StringComparer.Ordinal)
            .Select(township => new TownshipSeries(township.Key, years.EveryYear(township.ToDictionary(v => v.Year, v => v.Value))))
            .ToList();
}
