using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CountyTech.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The staff member asks the gateway for the county's annual report and the indicators spreadsheet, after a department
/// app recorded the year's projects and the statistics bureau entered the baselines; an administrator rebuilds the
/// projections in the background and the figures stay the same. Years 2009–2010, 2012–2013 and 2015–2016 belong to
/// these tests alone, each test to its own pair.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AnnualReportTests(PlatformFixture platform)
{
    private const int Year = 2016;
    private const string Title = "2016年县科技创新工作汇报";
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly string[] Figures =
    [
        "2016年，全县全社会R&D经费支出16000万元，同比增长6.67%。",
        "2016年，全县争取上级科技项目1项，与上年持平，争取上级科技资金80.5万元，同比增长61.00%；县级科技计划立项1项；",
        "2016年全县R&D经费投入强度为1.28%（上年为1.25%），总量偏低；财政科技支出占一般公共预算支出比重为2.40%，",
    ];

    [Fact]
    public async Task The_report_comes_through_the_gateway_in_markdown_html_and_word_with_the_same_figures()
    {
        using var office = platform.Gateway(await RecordTheYearAsync(Year));

        var markdown = await DownloadAsync(office, "text/markdown", "text/markdown", "attachment", Title + ".md");
        var html = await DownloadAsync(office, "text/html", "text/html", "inline", Title + ".html");
        var docx = await DownloadAsync(office, WordType, WordType, "attachment", Title + ".docx");

        using var word = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var wordText = string.Join("\n", paragraphs.Select(p => p.InnerText));
        var htmlText = WebUtility.HtmlDecode(Encoding.UTF8.GetString(html));
        foreach (var figure in Figures)
        {
            Assert.Contains(figure, Encoding.UTF8.GetString(markdown), StringComparison.Ordinal);
            Assert.Contains(figure, htmlText, StringComparison.Ordinal);
            Assert.Contains(figure, wordText, StringComparison.Ordinal);
        }

        Assert.Equal(("Title", Title), (paragraphs[0].ParagraphProperties?.ParagraphStyleId?.Val?.Value, paragraphs[0].InnerText));
        Assert.Contains("<svg", htmlText, StringComparison.Ordinal);
        Assert.DoesNotContain("*", Encoding.UTF8.GetString(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_indicators_spreadsheet_and_the_report_need_reporting_read()
    {
        using var office = platform.Gateway(await RecordTheYearAsync(2013));

        var rows = await SpreadsheetDownload.ReadAsync(
            await office.GetAsync("/api/v1/reporting/indicators?year=2013&format=xlsx"), "2013年科技创新指标.xlsx");
        Assert.Equal(31, rows.Count);
        var funding = rows.Single(r => (string?)r["指标代码"] == "upper_funding");
        Assert.Equal(("争取上级科技资金", "万元", 80.5m, 50m),
            ((string)funding["指标名称"]!, (string)funding["单位"]!, Convert.ToDecimal(funding["本年值"], CultureInfo.InvariantCulture), Convert.ToDecimal(funding["上年值"], CultureInfo.InvariantCulture)));

        using var projectsOnly = platform.Gateway(await platform.RegisterClientAsync("项目申报系统", "projects:read"));
        await projectsOnly.GetAsync($"/api/v1/reporting/reports/{Year}").ProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = platform.Gateway();
        await anonymous.GetAsync($"/api/v1/reporting/reports/{Year}?format=docx").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_rebuild_runs_in_the_background_and_gives_the_same_indicators()
    {
        using var office = platform.Gateway(await RecordTheYearAsync(2010));
        using var admin = platform.Gateway(platform.AdminKey);
        var before = await office.GetAsync("/api/v1/reporting/indicators?year=2010").JsonAsync(HttpStatusCode.OK);

        using var started = await admin.PostAsync("/api/v1/reporting/rebuild", content: null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("/api/v1/reporting/status", started.Headers.Location?.OriginalString);
        var rebuild = await Eventually.UntilAsync(
            async () => (await office.GetAsync("/api/v1/reporting/status").JsonAsync(HttpStatusCode.OK)).GetProperty("rebuild"),
            r => r.GetProperty("state").GetString() is "completed" or "failed", "the rebuild to end", TimeSpan.FromSeconds(90));

        Assert.Equal("completed", rebuild.GetProperty("state").GetString());
        Assert.Equal(rebuild.GetProperty("eventsInLog").GetInt64(), rebuild.GetProperty("eventsDone").GetInt64());
        var after = await office.GetAsync("/api/v1/reporting/indicators?year=2010").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("indicators").GetRawText(), after.GetProperty("indicators").GetRawText());
    }

    /// <summary>
    /// A year's work: a provincial project approved in <paramref name="year"/> (80.5 万元) and one the year before (50), a
    /// county project in <paramref name="year"/>, the baselines of both years. Returns a key of the bureau's office
    /// (reporting:read) once the approvals show in the indicators.
    /// </summary>
    private async Task<string> RecordTheYearAsync(int year)
    {
        using var app = platform.Gateway(await platform.RegisterClientAsync(
            "县科技局项目管理系统", "projects:write", "projects:review", "reporting:read", "reporting:write"));
        await ApproveAsync(app, "provincial", $"{year}-06-18", 80.5m);
        await ApproveAsync(app, "provincial", $"{year - 1}-09-09", 50m);
        await ApproveAsync(app, "county", $"{year}-03-03", 12m);
        await PutBaselineAsync(app, year, new { gdpWan = 1_250_000, population = 420_000, generalBudgetExpenditureWan = 300_000, fiscalScienceExpenditureWan = 7_200, rdExpenditureWan = 16_000 });
        await PutBaselineAsync(app, year - 1, new { gdpWan = 1_200_000, population = 418_000, generalBudgetExpenditureWan = 290_000, fiscalScienceExpenditureWan = 6_000, rdExpenditureWan = 15_000 });
        await Eventually.UntilAsync(
            async () => await app.GetAsync($"/api/v1/reporting/indicators?year={year}").JsonAsync(HttpStatusCode.OK),
            indicators => indicators.GetProperty("indicators").EnumerateArray().Any(i =>
                i.GetProperty("code").GetString() == "county_projects" && i.GetProperty("value").GetDecimal() == 1m),
            "the year's approvals to reach the indicators", TimeSpan.FromSeconds(60));
        return await platform.RegisterClientAsync("县科技局办公室", "reporting:read");
    }

    private static async Task ApproveAsync(HttpClient app, string level, string approvedOn, decimal fundingWan)
    {
        var project = await app.PostAsJsonAsync("/api/v1/projects", new
        {
            title = $"{level} 年度汇报测试项目", level, field = "industry", leadOrganization = "县经济开发区管委会", township = "汇报镇",
            plannedStart = "2008-01-01", plannedEnd = "2017-12-31", budgetWan = 100,
        }).JsonAsync(HttpStatusCode.Created);
        await app.PostAsJsonAsync($"/api/v1/projects/{project.GetProperty("id").GetGuid()}/approval", new { approvedOn, fundingWan })
            .JsonAsync(HttpStatusCode.OK);
    }

    private static Task<JsonElement> PutBaselineAsync(HttpClient app, int year, object baseline) =>
        app.PutAsJsonAsync($"/api/v1/reporting/baselines/{year}", baseline).JsonAsync(HttpStatusCode.OK);

    private static async Task<byte[]> DownloadAsync(HttpClient office, string accept, string mediaType, string disposition, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reporting/reports/{Year}");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await office.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((disposition, fileName),
            (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileNameStar));
        return body;
    }
}
