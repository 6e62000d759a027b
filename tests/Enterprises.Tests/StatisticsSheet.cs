using CountyTech.Enterprises.Apis;
using MiniExcelLibs;

namespace CountyTech.Enterprises.Tests;

/// <summary>Generates the statistics bureau's .xlsx of a year's figures with MiniExcel, as the tests upload it.</summary>
public static class StatisticsSheet
{
    /// <summary>A row of cells A to G; values are written as the cell types Excel would hold (numbers, text, blank).</summary>
    public static object?[] Row(string creditCode, string name, object? revenue, object? rdExpense, object? employees, object? techStaff, object? highTechRevenue) =>
        [creditCode, name, revenue, rdExpense, employees, techStaff, highTechRevenue];

    public static readonly object?[] Blank = [null, null, null, null, null, null, null];

    /// <summary>The sheet with API.md's header row and <paramref name="rows"/> below it.</summary>
    public static MemoryStream Of(params object?[][] rows) => WithHeader(AnnualReportSheet.Header, rows);

    public static MemoryStream WithHeader(IReadOnlyList<string> header, params object?[][] rows)
    {
        // Written without MiniExcel's own header row: the first row is the bureau's header, as text cells.
        var sheet = new List<Dictionary<string, object?>> { Cells(header.Cast<object?>().ToArray()) };
        sheet.AddRange(rows.Select(Cells));
        var xlsx = new MemoryStream();
        xlsx.SaveAs(sheet, printHeader: false);
        xlsx.Position = 0;
        return xlsx;
    }

    public static byte[] Bytes(params object?[][] rows)
    {
        using var xlsx = Of(rows);
        return xlsx.ToArray();
    }

    private static Dictionary<string, object?> Cells(object?[] values) =>
        values.Select((value, column) => (Column: ((char)('A' + column)).ToString(), value)).ToDictionary(c => c.Column, c => c.value);
}
