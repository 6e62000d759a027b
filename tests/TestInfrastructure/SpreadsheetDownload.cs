using System.Net;
using MiniExcelLibs;
using Xunit;

namespace CountyTech.Testing;

/// <summary>Reads an .xlsx answer of a list (API.md "Spreadsheets") the way a bureau user's Excel would.</summary>
public static class SpreadsheetDownload
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Asserts a 200 .xlsx download named <paramref name="fileName"/> (RFC 6266 <c>filename*</c>, so a Chinese name
    /// survives) and returns its rows, each keyed by its Chinese column header.
    /// </summary>
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> ReadAsync(HttpResponseMessage response, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
