using CountyTech.BureauRules;
using CountyTech.Enterprises.Apis;
using CountyTech.Enterprises.Domain;
using CountyTech.Testing;

namespace CountyTech.Enterprises.Tests;

/// <summary>Reading the statistics bureau's .xlsx (generated here with MiniExcel, as Excel would save it).</summary>
public class AnnualReportSheetTests
{
    private static (bool Readable, IReadOnlyList<AnnualReportRow> Rows, ValidationErrors Errors) Read(Stream xlsx)
    {
        var errors = new ValidationErrors();
        var readable = AnnualReportSheet.TryRead(xlsx, errors, out var rows);
        return (readable, rows, errors);
    }

    [Fact]
    public void Rows_under_the_header_are_read_with_their_row_numbers_and_blank_rows_are_skipped()
    {
        var first = CreditCodes.NewValid();
        var second = CreditCodes.NewValid();
        using var xlsx = StatisticsSheet.Of(
            StatisticsSheet.Row(first, "甲公司", 1200.5, 80, 150, 30, 900),
            StatisticsSheet.Blank,
            StatisticsSheet.Row(second.ToLowerInvariant(), "乙公司", "300", 0, 12, 0, 0));

        var (readable, rows, errors) = Read(xlsx);

        Assert.True(readable);
        Assert.True(errors.IsValid);
        Assert.Equal(
            [new AnnualReportRow(2, first, new AnnualFigures(1200.5m, 80m, 150, 30, 900m)), new AnnualReportRow(4, second, new AnnualFigures(300m, 0m, 12, 0, 0m))],
            rows);
    }

    [Fact]
    public void A_wrong_header_is_reported_under_its_cells()
    {
        var header = AnnualReportSheet.Header.ToArray();
        header[2] = "营业收入(万元)";
        header[6] = "";
        using var xlsx = StatisticsSheet.WithHeader(header, StatisticsSheet.Row(CreditCodes.NewValid(), "甲公司", 1, 0, 1, 0, 0));

        var (readable, _, errors) = Read(xlsx);

        Assert.True(readable);
        Assert.Equal(["C1", "G1"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void Each_bad_cell_is_reported_by_its_reference()
    {
        var duplicate = CreditCodes.NewValid();
        using var xlsx = StatisticsSheet.Of(
            StatisticsSheet.Row(duplicate, "甲公司", 100, 5, 10, 2, 50),
            StatisticsSheet.Row("91350100M000100Y42", "乙公司", 100, 5, 10, 2, 50),
            StatisticsSheet.Row(CreditCodes.NewValid(), "丙公司", "一百", -5, 10.5, 11, 50),
            StatisticsSheet.Row(CreditCodes.NewValid(), "丁公司", 100, null, 10, 2, 100.5),
            StatisticsSheet.Row(duplicate, "甲公司", 100, 5, 10, 2, 50));

        var (_, _, errors) = Read(xlsx);

        Assert.Equal(["A3", "A6", "C4", "D4", "D5", "E4", "G5"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void More_tech_staff_than_employees_is_reported_under_the_tech_staff_cell()
    {
        using var xlsx = StatisticsSheet.Of(StatisticsSheet.Row(CreditCodes.NewValid(), "甲公司", 100, 5, 10, 11, 50));

        var (_, _, errors) = Read(xlsx);

        Assert.Equal(["F2"], Problems.ErrorFields(errors));
    }

    [Theory]
    [InlineData("not a spreadsheet at all")]
    [InlineData("")]
    [InlineData("统一社会信用代码,企业名称\n91350100M000100Y43,甲公司")]
    public void Anything_that_is_not_an_xlsx_workbook_is_unreadable(string content)
    {
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));

        Assert.False(Read(body).Readable);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_unreadable()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("word/document.xml");
        }

        zip.Position = 0;
        Assert.False(Read(zip).Readable);
    }
}
