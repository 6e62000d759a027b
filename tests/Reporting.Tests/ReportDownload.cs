using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CountyTech.Reporting.Tests;

/// <summary>A paragraph of the Word report: its style id (null for body text) and its text.</summary>
public sealed record WordParagraph(string? Style, string Text);

/// <summary>The annual report as a user receives it, in each of its forms, read back to text.</summary>
public static partial class ReportDownload
{
    public const string Word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// Asserts a 200 answer of <paramref name="mediaType"/>, with the <paramref name="disposition"/> and the Chinese
    /// file name <paramref name="fileName"/> (RFC 6266 <c>filename*</c>), and returns its bytes.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, string mediaType, string disposition, string fileName)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((disposition, fileName),
            (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileNameStar));
        return body;
    }

    /// <summary>The visible text of an HTML page: no styles, no tags, entities decoded, whitespace collapsed.</summary>
    public static string TextOfHtml(string html)
    {
        var withoutStyles = StyleBlock().Replace(html, " ");
        var text = WebUtility.HtmlDecode(Tag().Replace(withoutStyles, " "));
        return Whitespace().Replace(text, " ");
    }

    /// <summary>The body paragraphs of a .docx, in order, with their styles (tables are read by <see cref="WordTableRows"/>).</summary>
    public static IReadOnlyList<WordParagraph> WordParagraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => new WordParagraph(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.InnerText))
            .Where(p => p.Text.Length > 0)
            .ToList();

    public static IReadOnlyList<IReadOnlyList<string>> WordTableRows(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>()
            .Select(row => (IReadOnlyList<string>)row.Elements<TableCell>().Select(c => c.InnerText).ToList())
            .ToList();

    public static WordprocessingDocument OpenWord(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);

    [GeneratedRegex("<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
