using CountyTech.BureauRules;
using CountyTech.Enterprises.Domain;

namespace CountyTech.Enterprises.Apis;

/// <summary>Where each figure of a year came from, to name it in errors: JSON fields of a request, or cells of a sheet row.</summary>
internal sealed record AnnualFigureFields(string Revenue, string RdExpense, string Employees, string TechStaff, string HighTechRevenue)
{
    public static readonly AnnualFigureFields Json = new("revenueWan", "rdExpenseWan", "employees", "techStaff", "highTechRevenueWan");

    /// <summary>Cells C to G of a sheet row (统一社会信用代码 and 企业名称 are A and B).</summary>
    public static AnnualFigureFields Row(int row) => new($"C{row}", $"D{row}", $"E{row}", $"F{row}", $"G{row}");
}

/// <summary>
/// The checks of a year's figures, the same for <c>PUT …/annual-reports/{year}</c> and the spreadsheet import: amounts in
/// 万元 from 0, head counts from 0, tech staff not above employees, high-tech revenue not above revenue.
/// </summary>
internal static class AnnualFiguresInput
{
    public static AnnualFigures Check(
        decimal? revenueWan, decimal? rdExpenseWan, int? employees, int? techStaff, decimal? highTechRevenueWan,
        AnnualFigureFields fields, ValidationErrors errors)
    {
        var figures = new AnnualFigures(
            Amounts.WanOrZero(revenueWan, fields.Revenue, errors),
            Amounts.WanOrZero(rdExpenseWan, fields.RdExpense, errors),
            Amounts.Count(employees, fields.Employees, errors),
            Amounts.Count(techStaff, fields.TechStaff, errors),
            Amounts.WanOrZero(highTechRevenueWan, fields.HighTechRevenue, errors));
        errors.Require(errors.Has(fields.Employees) || errors.Has(fields.TechStaff) || figures.TechStaff <= figures.Employees, fields.TechStaff,
            $"{fields.TechStaff} ({figures.TechStaff}) must not be more than {fields.Employees} ({figures.Employees}).");
        errors.Require(errors.Has(fields.Revenue) || errors.Has(fields.HighTechRevenue) || figures.HighTechRevenueWan <= figures.RevenueWan,
            fields.HighTechRevenue,
            $"{fields.HighTechRevenue} ({figures.HighTechRevenueWan} 万元) must not be more than {fields.Revenue} ({figures.RevenueWan} 万元).");
        return figures;
    }
}
