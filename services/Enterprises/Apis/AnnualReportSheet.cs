using System.Globalization;
using System.IO.Compression;
using System.Xml;
using CountyTech.BureauRules;
using CountyTech.Enterprises.Domain;
using MiniExcelLibs;

namespace CountyTech.Enterprises.Apis;

/// <summary>A row of the statistics bureau's sheet: the enterprise's credit code and its figures of the year.</summary>
public sealed record AnnualReportRow(int Row, string CreditCode, AnnualFigures Figures)
{
    /// <summary>The row's credit-code cell, where errors about the enterprise itself are reported.</summary>
    public string CreditCodeCell => $"A{Row}";
}

/// <summary>
/// The statistics bureau's spreadsheet of a year's figures (规上企业年度主要指标), read with MiniExcel: the first sheet, a
/// header row of exactly <see cref="Header"/> in row 1, one enterprise per row below (blank rows skipped). Every wrong
/// cell is reported under its reference (<c>C7</c>), so the staff can correct the file and upload it again.
/// </summary>
public static class AnnualReportSheet
{
    /// <summary>The header row of API.md, columns A to G.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["统一社会信用代码", "企业名称", "营业收入（万元）", "研发费用（万元）", "从业人员", "科技人员", "高新技术产品收入（万元）"];

    /// <summary>Far more 规上企业 than a county has; a longer sheet is refused rather than read.</summary>
    public const int MaxRows = 10_000;

    /// <summary>
    /// Reads <paramref name="xlsx"/>; false when it is not a readable .xlsx workbook. Otherwise its rows with a valid
    /// credit code, each once, and an error under each wrong cell in <paramref name="errors"/> (the rows are only to be
    /// applied when there is none).
    /// </summary>
    public static bool TryRead(Stream xlsx, ValidationErrors errors, out IReadOnlyList<AnnualReportRow> rows)
    {
        rows = [];
        if (!IsWorkbook(xlsx))
        {
            return false;
        }

        try
        {
            rows = ReadRows(xlsx, errors);
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            return false;
        }
    }

    /// <summary>An .xlsx is a zip package with a workbook part; anything else (a CSV, an .xls, a PDF) is not one.</summary>
    private static bool IsWorkbook(Stream xlsx)
    {
        try
        {
            using var package = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            return package.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            xlsx.Position = 0;
        }
    }

    private static List<AnnualReportRow> ReadRows(Stream xlsx, ValidationErrors errors)
    {
        var rows = new List<AnnualReportRow>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var row = 0;
        var dataRows = 0;
        // Without a header row MiniExcel keys cells by column letter and yields every row from 1, blank ones included.
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            row++;
            if (row == 1)
            {
                CheckHeader(cells, errors);
                continue;
            }

            if (cells.Values.All(IsBlank))
            {
                continue;
            }

            if (++dataRows > MaxRows)
            {
                errors.Add($"A{row}", $"The sheet has more than {MaxRows} rows of enterprises; split it into several files.");
                break;
            }

            CheckNoCellsBeyondHeader(cells, row, errors);
            var read = ReadRow(cells, row, errors);
            if (!CreditCode.IsValid(read.CreditCode))
            {
                continue;
            }

            if (firstRowOf.TryGetValue(read.CreditCode, out var first))
            {
                errors.Add(read.CreditCodeCell, $"{read.CreditCode} is already on row {first}; each enterprise has one row.");
                continue;
            }

            firstRowOf[read.CreditCode] = row;
            rows.Add(read);
        }

        if (row == 0)
        {
            errors.Add("A1", $"The sheet is empty; row 1 must be the header {string.Join(" | ", Header)}.");
        }

        return rows;
    }

    private static void CheckHeader(IDictionary<string, object?> cells, ValidationErrors errors)
    {
        for (var column = 0; column < Header.Count; column++)
        {
            var cell = $"{Column(column)}1";
            var text = Text(cells.TryGetValue(Column(column), out var value) ? value : null);
            errors.Require(text == Header[column], cell, $"{cell} must be the header {Header[column]}, not {(text.Length == 0 ? "blank" : text)}.");
        }

        CheckNoCellsBeyondHeader(cells, 1, errors);
    }

    private static void CheckNoCellsBeyondHeader(IDictionary<string, object?> cells, int row, ValidationErrors errors)
    {
        foreach (var (column, value) in cells)
        {
            if (ColumnIndex(column) >= Header.Count && !IsBlank(value))
            {
                errors.Add($"{column}{row}", $"The sheet has the {Header.Count} columns A to {Column(Header.Count - 1)}; {column}{row} must be blank.");
            }
        }
    }

    /// <summary>The row's credit code and figures, with an error under each wrong cell.</summary>
    private static AnnualReportRow ReadRow(IDictionary<string, object?> cells, int row, ValidationErrors errors)
    {
        object? Cell(int column) => cells.TryGetValue(Column(column), out var value) ? value : null;

        var creditCode = EnterpriseInput.CreditCode(Text(Cell(0)), $"A{row}", errors);
        var fields = AnnualFigureFields.Row(row);
        var figures = AnnualFiguresInput.Check(
            Number(Cell(2), fields.Revenue, errors),
            Number(Cell(3), fields.RdExpense, errors),
            WholeNumber(Cell(4), fields.Employees, errors),
            WholeNumber(Cell(5), fields.TechStaff, errors),
            Number(Cell(6), fields.HighTechRevenue, errors),
            fields, errors);
        return new AnnualReportRow(row, creditCode, figures);
    }

    /// <summary>A number cell (or a number typed as text); null when blank, so the figure's check reports it missing.</summary>
    private static decimal? Number(object? value, string cell, ValidationErrors errors)
    {
        try
        {
            switch (value)
            {
                case null:
                    return null;
                case double number:
                    return (decimal)number;
                case decimal number:
                    return number;
                case int or long:
                    return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                case string text when string.IsNullOrWhiteSpace(text):
                    return null;
                case string text when decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                    return number;
            }
        }
        catch (OverflowException)
        {
            // Larger than any decimal: reported below like any other value that is not a usable number.
        }

        errors.Add(cell, $"{cell} must be a number, not {Text(value)}.");
        return 0;
    }

    private static int? WholeNumber(object? value, string cell, ValidationErrors errors)
    {
        var number = Number(value, cell, errors);
        if (number is null)
        {
            return null;
        }

        if (decimal.Truncate(number.Value) != number.Value || number.Value is < int.MinValue or > int.MaxValue)
        {
            errors.Add(cell, $"{cell} must be a whole number of people, not {number}.");
            return 0;
        }

        return (int)number.Value;
    }

    private static bool IsBlank(object? value) => value is null || value is string text && string.IsNullOrWhiteSpace(text);

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;

    private static string Column(int index) => ((char)('A' + index)).ToString();

    /// <summary>0 for A, 25 for Z, 26 for AA…</summary>
    private static int ColumnIndex(string column) => column.Aggregate(0, (index, letter) => (index * 26) + (letter - 'A' + 1)) - 1;
}
