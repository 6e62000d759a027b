namespace CountyTech.Enterprises.Domain;

/// <summary>An enterprise's annual report of one year (企业年报): its <see cref="AnnualFigures"/>, corrected by a later report.</summary>
public sealed class AnnualReport
{
    private AnnualReport()
    {
    }

    internal AnnualReport(int year, AnnualFigures figures, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Year = year;
        Apply(figures, now);
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public decimal RevenueWan { get; private set; }

    public decimal RdExpenseWan { get; private set; }

    public int Employees { get; private set; }

    public int TechStaff { get; private set; }

    public decimal HighTechRevenueWan { get; private set; }

    /// <summary>When the figures were last changed.</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    public AnnualFigures Figures => new(RevenueWan, RdExpenseWan, Employees, TechStaff, HighTechRevenueWan);

    /// <summary>Takes <paramref name="figures"/>; false (and nothing touched) when they are the ones already reported.</summary>
    internal bool Correct(AnnualFigures figures, DateTimeOffset now)
    {
        if (figures == Figures)
        {
            return false;
        }

        Apply(figures, now);
        return true;
    }

    private void Apply(AnnualFigures figures, DateTimeOffset now)
    {
        RevenueWan = figures.RevenueWan;
        RdExpenseWan = figures.RdExpenseWan;
        Employees = figures.Employees;
        TechStaff = figures.TechStaff;
        HighTechRevenueWan = figures.HighTechRevenueWan;
        ReportedAt = now;
    }
}
