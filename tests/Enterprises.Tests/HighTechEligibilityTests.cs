using CountyTech.Enterprises.Domain;

namespace CountyTech.Enterprises.Tests;

/// <summary>高新技术企业认定管理办法 Art. 11 as the records can judge it: each criterion at and either side of its threshold.</summary>
public class HighTechEligibilityTests
{
    private const int Year = 2024;
    private static readonly DateOnly LongRegistered = new(2010, 4, 1);

    /// <summary>Figures meeting every ratio: R&amp;D 6% over three years, tech staff 20%, high-tech revenue 70%.</summary>
    private static readonly AnnualFigures Good = new(1000m, 60m, 100, 20, 700m);

    private static Dictionary<int, AnnualFigures> ThreeYears(AnnualFigures? latest = null, AnnualFigures? earlier = null) => new()
    {
        [Year - 2] = earlier ?? Good,
        [Year - 1] = earlier ?? Good,
        [Year] = latest ?? Good,
    };

    private static CriterionAssessment Judge(HighTechCriterion criterion, IReadOnlyDictionary<int, AnnualFigures> figures,
        DateOnly? registeredOn = null, int patents = 1) =>
        HighTechEligibility.Assess(Year, registeredOn ?? LongRegistered, figures, patents).Criteria.Single(c => c.Criterion == criterion);

    [Fact]
    public void An_enterprise_meeting_every_criterion_is_eligible_and_each_criterion_is_listed_once()
    {
        var assessment = HighTechEligibility.Assess(Year, LongRegistered, ThreeYears(), patentsInForce: 2);

        Assert.True(assessment.Eligible);
        Assert.Equal(Enum.GetValues<HighTechCriterion>(), assessment.Criteria.Select(c => c.Criterion).Order());
        Assert.All(assessment.Criteria, c => Assert.True(c.Met, c.Criterion.ToString()));
        Assert.Equal(6m, assessment.Criteria.Single(c => c.Criterion == HighTechCriterion.RdExpenseRatio).Actual);
    }

    [Theory]
    [InlineData(5000, 5)]
    [InlineData(4999.9999, 5)]
    [InlineData(5000.0001, 4)]
    [InlineData(20000, 4)]
    [InlineData(20000.0001, 3)]
    [InlineData(0, 5)]
    public void The_rd_ratio_required_follows_the_latest_years_revenue(double revenueWan, int percent) =>
        Assert.Equal(percent, HighTechEligibility.RequiredRdPercent((decimal)revenueWan));

    [Theory]
    [InlineData(149.9999, false, 4.9999)]
    [InlineData(150, true, 5)]
    [InlineData(150.0001, true, 5)]
    public void The_rd_ratio_over_three_years_is_met_from_five_percent_for_a_small_enterprise(double rdExpenseTotal, bool met, double shown)
    {
        // Σ revenue 3,000 万元: all the R&D expense in the first of the three years still counts.
        var figures = ThreeYears(Good with { RdExpenseWan = 0m }, Good with { RdExpenseWan = 0m });
        figures[Year - 2] = Good with { RdExpenseWan = (decimal)rdExpenseTotal };

        var rd = Judge(HighTechCriterion.RdExpenseRatio, figures);

        Assert.Equal((5m, met, (decimal)shown), (rd.Required, rd.Met, rd.Actual));
    }

    [Theory]
    [InlineData(1199, false)]
    [InlineData(1200, true)]
    public void A_medium_enterprise_needs_four_percent(int rdExpenseTotal, bool met)
    {
        // Σ revenue 30,000 万元, latest 10,000: 4% is 1,200 万元.
        var medium = new AnnualFigures(10_000m, 0m, 100, 20, 7000m);
        var figures = ThreeYears(medium, medium);
        figures[Year] = medium with { RdExpenseWan = rdExpenseTotal };

        var rd = Judge(HighTechCriterion.RdExpenseRatio, figures);

        Assert.Equal((4m, met), (rd.Required, rd.Met));
    }

    [Theory]
    [InlineData(2999, false)]
    [InlineData(3000, true)]
    public void A_large_enterprise_needs_three_percent_by_its_latest_revenue_even_if_earlier_years_were_small(int rdExpense, bool met)
    {
        // Σ revenue 100,000 (earlier years 10,000 each, latest 80,000): 3% required because the latest year is above 2 亿元.
        var figures = ThreeYears(new AnnualFigures(80_000m, rdExpense, 100, 20, 60_000m), new AnnualFigures(10_000m, 0m, 100, 20, 7000m));

        var rd = Judge(HighTechCriterion.RdExpenseRatio, figures);

        Assert.Equal((3m, met), (rd.Required, rd.Met));
    }

    [Fact]
    public void A_missing_year_is_named_and_the_rd_ratio_is_not_invented()
    {
        var figures = ThreeYears();
        figures.Remove(Year - 1);

        var rd = Judge(HighTechCriterion.RdExpenseRatio, figures);

        Assert.Equal((5m, (decimal?)null, false), (rd.Required, rd.Actual, rd.Met));
        Assert.Contains($"No annual figures for {Year - 1}", rd.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_latest_year_no_ratio_of_that_year_is_judged_nor_the_rd_threshold()
    {
        var figures = ThreeYears();
        figures.Remove(Year);

        var assessment = HighTechEligibility.Assess(Year, LongRegistered, figures, 3);

        Assert.False(assessment.Eligible);
        foreach (var criterion in new[] { HighTechCriterion.RdExpenseRatio, HighTechCriterion.TechStaffRatio, HighTechCriterion.HighTechRevenueRatio })
        {
            var judged = assessment.Criteria.Single(c => c.Criterion == criterion);
            Assert.Equal(((decimal?)null, false), (judged.Actual, judged.Met));
            Assert.Contains($"{Year}", judged.Note, StringComparison.Ordinal);
        }

        Assert.Null(assessment.Criteria.Single(c => c.Criterion == HighTechCriterion.RdExpenseRatio).Required);
    }

    [Fact]
    public void A_younger_enterprise_is_judged_over_the_years_it_operated()
    {
        var figures = new Dictionary<int, AnnualFigures>
        {
            [Year - 1] = Good with { RevenueWan = 200m, RdExpenseWan = 0m },
            [Year] = Good with { RevenueWan = 800m, RdExpenseWan = 50m },
        };

        var rd = Judge(HighTechCriterion.RdExpenseRatio, figures, registeredOn: new DateOnly(Year - 1, 3, 1));

        Assert.Equal((5m, true), (rd.Actual, rd.Met));
        Assert.Contains("years operated", rd.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void No_revenue_over_the_years_gives_no_rd_ratio()
    {
        var none = Good with { RevenueWan = 0m, RdExpenseWan = 10m, HighTechRevenueWan = 0m };

        var rd = Judge(HighTechCriterion.RdExpenseRatio, ThreeYears(none, none));
        var highTech = Judge(HighTechCriterion.HighTechRevenueRatio, ThreeYears(none, none));

        Assert.Equal(((decimal?)null, false), (rd.Actual, rd.Met));
        Assert.Equal(((decimal?)null, false), (highTech.Actual, highTech.Met));
    }

    [Theory]
    [InlineData(100, 9, false, 9)]
    [InlineData(100, 10, true, 10)]
    [InlineData(100, 11, true, 11)]
    [InlineData(1001, 100, false, 9.9900)]
    [InlineData(999, 100, true, 10.0100)]
    public void Tech_staff_must_be_at_least_ten_percent_of_the_years_employees(int employees, int techStaff, bool met, double shown)
    {
        var staff = Judge(HighTechCriterion.TechStaffRatio, ThreeYears(Good with { Employees = employees, TechStaff = techStaff }));

        Assert.Equal((10m, met, (decimal)shown), (staff.Required, staff.Met, staff.Actual));
    }

    [Fact]
    public void No_employees_gives_no_tech_staff_ratio()
    {
        var staff = Judge(HighTechCriterion.TechStaffRatio, ThreeYears(Good with { Employees = 0, TechStaff = 0 }));

        Assert.Equal(((decimal?)null, false), (staff.Actual, staff.Met));
        Assert.Contains("no employees", staff.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(599.9999, false, 59.9999)]
    [InlineData(600, true, 60)]
    [InlineData(600.0001, true, 60)]
    public void High_tech_revenue_must_be_at_least_sixty_percent_of_the_years_revenue(double highTechWan, bool met, double shown)
    {
        var revenue = Judge(HighTechCriterion.HighTechRevenueRatio, ThreeYears(Good with { HighTechRevenueWan = (decimal)highTechWan }));

        Assert.Equal((60m, met, (decimal)shown), (revenue.Required, revenue.Met, revenue.Actual));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    public void Owning_at_least_one_granted_patent_in_force_is_required(int patents, bool met)
    {
        var ip = Judge(HighTechCriterion.OwnsGrantedIp, ThreeYears(), patents: patents);

        Assert.Equal((1m, (decimal?)patents, met), (ip.Required, ip.Actual, ip.Met));
    }

    [Theory]
    [InlineData("2023-12-31", true, 1)]
    [InlineData("2024-01-01", false, 0)]
    [InlineData("2020-02-29", true, 4)]
    [InlineData("2025-01-01", false, 0)]
    public void The_enterprise_must_have_been_registered_a_full_year_by_the_end_of_the_year(string registeredOn, bool met, int years)
    {
        var age = Judge(HighTechCriterion.RegisteredOneYear, ThreeYears(), registeredOn: DateOnly.Parse(registeredOn));

        Assert.Equal((met, (decimal?)years), (age.Met, age.Actual));
    }

    [Fact]
    public void One_unmet_criterion_makes_the_enterprise_not_eligible()
    {
        Assert.False(HighTechEligibility.Assess(Year, LongRegistered, ThreeYears(), patentsInForce: 0).Eligible);
        Assert.False(HighTechEligibility.Assess(Year, LongRegistered, ThreeYears(Good with { TechStaff = 9 }), 1).Eligible);
    }
}
