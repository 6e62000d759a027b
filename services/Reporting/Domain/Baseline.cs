namespace CountyTech.Reporting.Domain;

/// <summary>
/// The baseline (基础数据) of one year: the figures the bureau enters by hand because no service publishes them.
/// Entering a year again replaces its figures.
/// </summary>
public sealed class Baseline
{
    private Baseline()
    {
    }

    public int Year { get; private set; }

    public decimal GdpWan { get; private set; }

    public int Population { get; private set; }

    public decimal GeneralBudgetExpenditureWan { get; private set; }

    public decimal FiscalScienceExpenditureWan { get; private set; }

    public decimal RdExpenditureWan { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The figures by their names in the API, for the audit trail of their changes.</summary>
    public IReadOnlyDictionary<string, decimal> Figures() => new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["gdpWan"] = GdpWan,
        ["population"] = Population,
        ["generalBudgetExpenditureWan"] = GeneralBudgetExpenditureWan,
        ["fiscalScienceExpenditureWan"] = FiscalScienceExpenditureWan,
        ["rdExpenditureWan"] = RdExpenditureWan,
    };
}
