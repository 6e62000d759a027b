namespace CountyTech.Enterprises.Domain;

/// <summary>The criteria of 高新技术企业认定管理办法 (国科发火〔2016〕32号) Art. 11 that the bureau's records can judge.</summary>
public enum HighTechCriterion
{
    /// <summary>Art. 11(1): 注册成立一年以上.</summary>
    RegisteredOneYear,

    /// <summary>Art. 11(2): 获得对其主要产品在技术上发挥核心支持作用的知识产权的所有权 (here: a granted patent in force).</summary>
    OwnsGrantedIp,

    /// <summary>Art. 11(4): 科技人员占企业当年职工总数的比例不低于10%.</summary>
    TechStaffRatio,

    /// <summary>Art. 11(5): 近三个会计年度研发费用总额占同期销售收入总额的比例, 5% / 4% / 3% by the latest year's revenue.</summary>
    RdExpenseRatio,

    /// <summary>Art. 11(6): 近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%.</summary>
    HighTechRevenueRatio,
}

/// <summary>
/// One criterion judged: what it requires and what the records show, in <see cref="Unit"/>. <see cref="Actual"/> is null
/// (and the criterion not met) when the records lack a figure it needs; <see cref="Note"/> then says which.
/// </summary>
public sealed record CriterionAssessment(
    HighTechCriterion Criterion, string NameZh, decimal? Required, decimal? Actual, string Unit, bool Met, string? Note);

/// <summary>An enterprise's standing against Art. 11 for year <see cref="Year"/>: eligible when every criterion is met.</summary>
public sealed record EligibilityAssessment(int Year, bool Eligible, IReadOnlyList<CriterionAssessment> Criteria);

/// <summary>
/// Art. 11 of 高新技术企业认定管理办法 as far as the records allow, for the accounting year <c>Y</c> an application would
/// rest on. Ratios are percentages; they are compared exactly and shown truncated to 4 decimals, so a shown value at the
/// threshold is met and one below it is not.
/// </summary>
public static class HighTechEligibility
{
    /// <summary>Latest revenue up to which (inclusive) the R&amp;D ratio must reach 5%: 5,000 万元.</summary>
    public const decimal SmallRevenueWan = 5_000m;

    /// <summary>Latest revenue up to which (inclusive) the R&amp;D ratio must reach 4%: 2 亿元; above, 3%.</summary>
    public const decimal MediumRevenueWan = 20_000m;

    public const decimal TechStaffPercent = 10m;
    public const decimal HighTechRevenuePercent = 60m;
    private const int RdYears = 3;
    private const string Percent = "%";

    /// <summary>
    /// Judges the enterprise registered on <paramref name="registeredOn"/> with its reported <paramref name="figures"/>
    /// (by year) and <paramref name="patentsInForce"/> granted patents in force at the end of <paramref name="year"/>.
    /// </summary>
    public static EligibilityAssessment Assess(
        int year, DateOnly registeredOn, IReadOnlyDictionary<int, AnnualFigures> figures, int patentsInForce)
    {
        var latest = figures.GetValueOrDefault(year);
        CriterionAssessment[] criteria =
        [
            RegisteredOneYear(year, registeredOn),
            OwnsGrantedIp(year, patentsInForce),
            TechStaff(year, latest),
            RdExpense(year, registeredOn, figures),
            HighTechRevenue(year, latest),
        ];
        return new EligibilityAssessment(year, criteria.All(c => c.Met), criteria);
    }

    /// <summary>The R&amp;D ratio an enterprise must reach, by its latest year's revenue (Art. 11(5)).</summary>
    public static decimal RequiredRdPercent(decimal latestRevenueWan) =>
        latestRevenueWan <= SmallRevenueWan ? 5m : latestRevenueWan <= MediumRevenueWan ? 4m : 3m;

    private static CriterionAssessment RegisteredOneYear(int year, DateOnly registeredOn)
    {
        var endOfYear = new DateOnly(year, 12, 31);
        var fullYears = endOfYear.Year - registeredOn.Year;
        if (registeredOn.AddYears(fullYears) > endOfYear)
        {
            fullYears--;
        }

        var actual = Math.Max(fullYears, 0);
        return new CriterionAssessment(HighTechCriterion.RegisteredOneYear, "注册成立一年以上", 1, actual, "年", actual >= 1,
            $"Registered on {registeredOn:yyyy-MM-dd}: {actual} full years at the end of {year}.");
    }

    private static CriterionAssessment OwnsGrantedIp(int year, int patentsInForce) =>
        new(HighTechCriterion.OwnsGrantedIp, "拥有核心知识产权（授权专利）", 1, patentsInForce, "件", patentsInForce >= 1,
            $"Patents granted to the enterprise's credit code and not lapsed at the end of {year}.");

    private static CriterionAssessment TechStaff(int year, AnnualFigures? latest)
    {
        const string name = "科技人员占职工总数比例";
        if (latest is null)
        {
            return Missing(HighTechCriterion.TechStaffRatio, name, TechStaffPercent, $"No annual figures for {year}.");
        }

        if (latest.Employees == 0)
        {
            return Missing(HighTechCriterion.TechStaffRatio, name, TechStaffPercent, $"The figures of {year} report no employees.");
        }

        return Ratio(HighTechCriterion.TechStaffRatio, name, TechStaffPercent, latest.TechStaff, latest.Employees,
            $"{latest.TechStaff} tech staff of {latest.Employees} employees in {year}.");
    }

    private static CriterionAssessment HighTechRevenue(int year, AnnualFigures? latest)
    {
        const string name = "高新技术产品（服务）收入占总收入比例";
        if (latest is null)
        {
            return Missing(HighTechCriterion.HighTechRevenueRatio, name, HighTechRevenuePercent, $"No annual figures for {year}.");
        }

        if (latest.RevenueWan == 0)
        {
            return Missing(HighTechCriterion.HighTechRevenueRatio, name, HighTechRevenuePercent, $"The figures of {year} report no revenue.");
        }

        return Ratio(HighTechCriterion.HighTechRevenueRatio, name, HighTechRevenuePercent, latest.HighTechRevenueWan, latest.RevenueWan,
            $"{latest.HighTechRevenueWan} of {latest.RevenueWan} 万元 revenue in {year}.");
    }

    /// <summary>
    /// Σ R&amp;D expense / Σ revenue over the three years up to <paramref name="year"/>, or over the years since the
    /// registration when the enterprise is younger (实际经营期不满三年的按实际经营时间计算). Every one of those years needs
    /// its figures; the threshold follows the latest year's revenue.
    /// </summary>
    private static CriterionAssessment RdExpense(int year, DateOnly registeredOn, IReadOnlyDictionary<int, AnnualFigures> figures)
    {
        const string name = "近三个会计年度研发费用占销售收入比例";
        var required = figures.TryGetValue(year, out var latest) ? RequiredRdPercent(latest.RevenueWan) : (decimal?)null;
        var first = Math.Max(year - RdYears + 1, registeredOn.Year);
        if (first > year)
        {
            return Missing(HighTechCriterion.RdExpenseRatio, name, required, $"The enterprise was registered after {year}.");
        }

        var years = Enumerable.Range(first, year - first + 1).ToList();
        var missing = years.Where(y => !figures.ContainsKey(y)).ToList();
        if (missing.Count > 0)
        {
            return Missing(HighTechCriterion.RdExpenseRatio, name, required,
                $"No annual figures for {string.Join(", ", missing)}; the ratio needs every year from {first} to {year}.");
        }

        var rdExpense = years.Sum(y => figures[y].RdExpenseWan);
        var revenue = years.Sum(y => figures[y].RevenueWan);
        var span = first == year ? $"{year}" : $"{first}–{year}";
        if (revenue == 0)
        {
            return Missing(HighTechCriterion.RdExpenseRatio, name, required, $"The figures of {span} report no revenue.");
        }

        var shorter = years.Count < RdYears ? $" (registered in {registeredOn.Year}: the years operated)" : string.Empty;
        return Ratio(HighTechCriterion.RdExpenseRatio, name, required!.Value, rdExpense, revenue,
            $"{rdExpense} of {revenue} 万元 revenue in {span}{shorter}; {required}% required at {latest!.RevenueWan} 万元 revenue in {year}.");
    }

    private static CriterionAssessment Ratio(
        HighTechCriterion criterion, string name, decimal required, decimal part, decimal whole, string note)
    {
        var percent = part * 100m / whole;
        return new CriterionAssessment(criterion, name, required, Math.Round(percent, 4, MidpointRounding.ToZero), Percent,
            percent >= required, note);
    }

    private static CriterionAssessment Missing(HighTechCriterion criterion, string name, decimal? required, string note) =>
        new(criterion, name, required, null, Percent, false, note);
}
