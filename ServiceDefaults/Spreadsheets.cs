using CountyTech.BureauRules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Lists as spreadsheets (API.md "Spreadsheets"): every list <c>GET</c> answers <c>Accept: </c><see cref="ContentType"/>
/// or <c>?format=xlsx</c> with an .xlsx of all matching rows, written by MiniExcel. Column headers are the Chinese names
/// on the row type's properties (<c>[ExcelColumnName("统一社会信用代码")]</c>); the download name is Chinese too, sent as
/// RFC 6266 <c>filename*</c>.
/// </summary>
public static class Spreadsheets
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>More rows than any county list holds; a larger export is refused instead of exhausting memory.</summary>
    public const int MaxRows = 100_000;

    /// <summary>
    /// Whether the caller asked for a spreadsheet: <c>?format=xlsx</c>, or the .xlsx type in <c>Accept</c> without
    /// <c>?format=json</c>. Any other <c>format</c> is a per-field error.
    /// </summary>
    public static bool IsRequested(HttpRequest request, ValidationErrors errors)
    {
        var format = request.Query["format"].ToString().Trim();
        if (format.Length > 0)
        {
            var known = format.Equals("xlsx", StringComparison.OrdinalIgnoreCase) || format.Equals("json", StringComparison.OrdinalIgnoreCase);
            errors.Require(known, "format", "format must be json or xlsx.");
            return format.Equals("xlsx", StringComparison.OrdinalIgnoreCase);
        }

        return request.GetTypedHeaders().Accept.Any(accept =>
            accept.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An .xlsx of <paramref name="rows"/> under their Chinese headers, downloaded as <paramref name="fileName"/>.</summary>
    public static FileContentHttpResult File<TRow>(IEnumerable<TRow> rows, string fileName) where TRow : class
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return TypedResults.File(stream.ToArray(), ContentType, fileName);
    }

    /// <summary>
    /// The answer of a list <c>GET</c> (API.md "Lists" and "Spreadsheets"): the page of <c>?page=&amp;pageSize=</c> as
    /// JSON, or every matching row as an .xlsx of <paramref name="row"/>s, or the 400 of <paramref name="errors"/> (the
    /// caller's filter errors, with the paging and format ones added here). <paramref name="ordered"/> must be ordered.
    /// </summary>
    public static async Task<Results<Ok<PagedList<TItem>>, FileContentHttpResult, ValidationProblem>> ListAsync<TItem, TRow>(
        this IQueryable<TItem> ordered, HttpRequest request, int? page, int? pageSize, ValidationErrors errors,
        Func<TItem, TRow> row, string fileName, CancellationToken cancellationToken)
        where TRow : class
    {
        var pageRequest = PageRequest.From(page, pageSize, errors);
        var spreadsheet = IsRequested(request, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (!spreadsheet)
        {
            return TypedResults.Ok(await ordered.ToPageAsync(pageRequest, item => item, cancellationToken));
        }

        var items = await ordered.Take(MaxRows + 1).ToListAsync(cancellationToken);
        if (items.Count > MaxRows)
        {
            errors.Add("format", $"The filters match more than {MaxRows} rows, too many for one spreadsheet; narrow them (year, township…).");
            return errors.ToProblem();
        }

        return File(items.Select(row), fileName);
    }
}
