namespace CountyTech.Reporting.Domain;

/// <summary>Calendar years <see cref="From"/> to <see cref="To"/>, both included.</summary>
public readonly record struct YearRange(int From, int To)
{
    /// <summary>January 1st of <see cref="From"/>.</summary>
    public DateOnly FirstDay => new(From, 1, 1);

    /// <summary>December 31st of <see cref="To"/>, the <c>end(Y)</c> of INDICATORS.md.</summary>
    public DateOnly LastDay => new(To, 12, 31);

    public IEnumerable<int> Years => Enumerable.Range(From, To - From + 1);
}

/// <summary>An indicator's value for one year; null where an input is missing.</summary>
public sealed record YearValue(int Year, decimal? Value);

/// <summary>An indicator's values year by year in one township (乡镇).</summary>
public sealed record TownshipSeries(string Township, IReadOnlyList<YearValue> Points);
