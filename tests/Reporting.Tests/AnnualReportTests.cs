using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CountyTech.Testing;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The annual 科技创新工作汇报 written from the indicators of the golden <see cref="CountyScenario"/>: every figure
/// where the template puts it, the same figures in Markdown, HTML and Word, the words for what is not reported, the
/// forms asked for by <c>Accept</c> or <c>?format=</c>, and the indicators spreadsheet.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AnnualReportTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private const int Year = CountyScenario.Year;
    private static readonly string Title = $"{Year}年县科技创新工作汇报";

    [Fact]
    public async Task The_markdown_report_has_the_seed_structure_and_every_figure_where_the_template_puts_it()
    {
        await CountyScenario.EnterAsync(this, Service, Township);

        var markdown = await MarkdownAsync(Year);

        Assert.StartsWith($"# {Title}\n\n近年来，我县坚持以习近平新时代中国特色社会主义思想为指导", markdown, StringComparison.Ordinal);
        Assert.Equal(
            ["# " + Title, "## 一、工作开展情况",
             "### （一）完善政策支持体系，优化创新发展环境", "### （二）突出项目示范引领，加速助推产业转型升级",
             "### （三）狠抓创新主体建设，提升科技支撑水平", "### （四）强化人才队伍建设，厚植科技创新沃土",
             "### （五）加强知识产权保护，促进科技成果转化",
             "## 二、存在问题", "## 三、意见建议", $"## 附表：{Year}年主要科技创新指标"],
            markdown.Split('\n').Where(line => line.StartsWith('#')));
        foreach (var sentence in CountyScenario.Sentences)
        {
            Assert.Contains(sentence, markdown, StringComparison.Ordinal);
        }

        Assert.Equal(IndicatorsMd.Rows.Count, CountyScenario.TableRows.Count);
        foreach (var row in CountyScenario.TableRows)
        {
            Assert.Contains("| " + string.Join(" | ", row) + " |", markdown, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("尚未报送。", markdown, StringComparison.Ordinal);

        Assert.Equal(IndicatorsMd.Rows.Count, markdown.Split('\n').Count(line => IndicatorsMd.Rows.Any(r => line.StartsWith($"| {r.NameZh} |", StringComparison.Ordinal))));
        Assert.DoesNotContain("*", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("笔杆儿", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_without_baseline_or_area_data_says_the_figures_have_not_been_reported_never_zero()
    {
        await Service.DeliverAsync(ProjectHistory.Of(2006, Township));

        var markdown = await MarkdownAsync(2006);

        // Ratios whose inputs nobody reported: no population, no annual figures of 规上企业, nobody in post on Jan 1st.
        Assert.Contains("每万人口发明专利拥有量尚未报送。", markdown, StringComparison.Ordinal);
        Assert.Contains("规上企业研发经费占营业收入比重尚未报送，", markdown, StringComparison.Ordinal);
        Assert.Contains("。科技特派员年流失率尚未报送，", markdown, StringComparison.Ordinal);
        Assert.Contains("| 每万人口发明专利拥有量 | 件/万人 | 尚未报送 | 尚未报送 | — |", markdown, StringComparison.Ordinal);

        Assert.Contains("2006年全社会R&D经费支出尚未报送。", markdown, StringComparison.Ordinal);
        Assert.Contains("2006年R&D经费投入强度尚未报送，总量偏低；财政科技支出占一般公共预算支出比重尚未报送，", markdown, StringComparison.Ordinal);
        Assert.Contains("| R&D经费投入强度 | % | 尚未报送 | 尚未报送 | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("2006年，全县争取上级科技项目2项，同比增长100.00%", markdown, StringComparison.Ordinal);
        Assert.Contains("| 财政科技支出占一般公共预算支出比重 | % | 尚未报送 | 尚未报送 | — |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("*", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_html_and_word_carry_the_same_figures()
    {
        await CountyScenario.EnterAsync(this, Service, Township);

        var markdown = await MarkdownAsync(Year);
        var html = Encoding.UTF8.GetString(await ReportDownload.ReadAsync(
            await Client.GetAsync($"/api/v1/reporting/reports/{Year}?format=html"), "text/html", "inline", Title + ".html"));
        var docx = await ReportDownload.ReadAsync(
            await Client.GetAsync($"/api/v1/reporting/reports/{Year}?format=docx"), ReportDownload.Word, "attachment", Title + ".docx");

        var htmlText = ReportDownload.TextOfHtml(html);
        using var word = ReportDownload.OpenWord(docx);
        var wordText = string.Join("\n", ReportDownload.WordParagraphs(word).Select(p => p.Text));
        foreach (var sentence in CountyScenario.Sentences)
        {
            Assert.Contains(sentence, markdown, StringComparison.Ordinal);
            Assert.Contains(sentence, htmlText, StringComparison.Ordinal);
            Assert.Contains(sentence, wordText, StringComparison.Ordinal);
        }

        var wordRows = ReportDownload.WordTableRows(word);
        Assert.Equal(["指标", "单位", $"{Year}年", $"{Year - 1}年", "同比"], wordRows[0]);
        Assert.Equal(IndicatorsMd.Rows.Select(r => r.NameZh), wordRows.Skip(1).Select(r => r[0]));
        foreach (var row in CountyScenario.TableRows)
        {
            Assert.Contains(row, wordRows);
            Assert.Contains("<td>" + string.Join("</td>\n<td>", row.Select(WebUtility.HtmlEncode)) + "</td>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("*", htmlText, StringComparison.Ordinal);
        Assert.DoesNotContain("*", wordText, StringComparison.Ordinal);
        Assert.DoesNotContain("*", string.Concat(wordRows.SelectMany(r => r)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_page_is_printable_and_carries_the_key_charts_drawn_on_the_server()
    {
        await CountyScenario.EnterAsync(this, Service, Township);

        var html = Encoding.UTF8.GetString(await ReportDownload.ReadAsync(
            await Client.GetAsync($"/api/v1/reporting/reports/{Year}?format=html"), "text/html", "inline", Title + ".html"));

        Assert.Contains($"<title>{Title}</title>", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{Title}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(6, html.Split("<svg").Length - 1);
        var text = ReportDownload.TextOfHtml(html);
        Assert.Contains($"争取上级科技资金（{Year - 4}—{Year}年）（万元） {Year - 4}年 0 {Year - 3}年 0 {Year - 2}年 0 {Year - 1}年 50 {Year}年 150.75", text, StringComparison.Ordinal);
        Assert.Contains($"{Year}年争取上级科技资金（分乡镇）（万元） {Township} 150.75", text, StringComparison.Ordinal);
        Assert.Contains($"R&D经费投入强度（{Year - 4}—{Year}年）（%） {Year - 4}年 尚未报送 {Year - 3}年 尚未报送 {Year - 2}年 尚未报送 {Year - 1}年 1.25 {Year}年 1.50", text, StringComparison.Ordinal);
        Assert.Contains($"有效高新技术企业数（{Year - 4}—{Year}年）（家） {Year - 4}年 0 {Year - 3}年 1 {Year - 2}年 2 {Year - 1}年 4 {Year}年 2", text, StringComparison.Ordinal);
        Assert.Contains($"专利申请量（{Year - 4}—{Year}年）（件） {Year - 4}年 0 {Year - 3}年 0 {Year - 2}年 2 {Year - 1}年 2 {Year}年 5", text, StringComparison.Ordinal);
        Assert.Contains($"在岗科技特派员数（{Year - 4}—{Year}年）（名） {Year - 4}年 0 {Year - 3}年 0 {Year - 2}年 1 {Year - 1}年 4 {Year}年 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_document_has_real_headings_the_official_fonts_with_fallbacks_and_page_numbers()
    {
        await CountyScenario.EnterAsync(this, Service, Township);

        var docx = await ReportDownload.ReadAsync(
            await Client.GetAsync($"/api/v1/reporting/reports/{Year}?format=docx"), ReportDownload.Word, "attachment", Title + ".docx");

        using var word = ReportDownload.OpenWord(docx);
        var paragraphs = ReportDownload.WordParagraphs(word);
        Assert.Equal(new WordParagraph("Title", Title), paragraphs[0]);
        Assert.Equal(["一、工作开展情况", "二、存在问题", "三、意见建议", $"附表：{Year}年主要科技创新指标"],
            paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
        Assert.Equal(5, paragraphs.Count(p => p.Style == "Heading2"));
        Assert.StartsWith("（三）狠抓创新主体建设", paragraphs.Where(p => p.Style == "Heading2").ElementAt(2).Text, StringComparison.Ordinal);
        Assert.All(paragraphs.Skip(1).Where(p => p.Style is null), p => Assert.DoesNotContain("#", p.Text, StringComparison.Ordinal));

        var styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(("Title", "heading 1", "heading 2"),
            (styles["Title"].StyleName!.Val!.Value, styles["Heading1"].StyleName!.Val!.Value, styles["Heading2"].StyleName!.Val!.Value));
        Assert.Equal((0, 1), (styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value, styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value));
        Assert.Equal("方正小标宋简体", styles["Title"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("仿宋_GB2312", styles["Normal"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        var fonts = word.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        Assert.Equal(("宋体", "仿宋"), (fonts["方正小标宋简体"], fonts["仿宋_GB2312"]));

        var footer = Assert.Single(word.MainDocumentPart.FooterParts);
        Assert.Equal("PAGE", Assert.Single(footer.Footer!.Descendants<FieldCode>()).Text.Trim());
        var section = word.MainDocumentPart.Document!.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(word.MainDocumentPart.GetIdOfPart(footer), section.Elements<FooterReference>().Single().Id!.Value);
        Assert.Equal((11906u, 16838u), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value));
        Assert.Equal(Title, word.PackageProperties.Title);
    }

    [Theory]
    [InlineData(null, "text/markdown", "attachment", ".md")]
    [InlineData("text/markdown", "text/markdown", "attachment", ".md")]
    [InlineData("*/*", "text/markdown", "attachment", ".md")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "inline", ".html")]
    [InlineData(ReportDownload.Word, ReportDownload.Word, "attachment", ".docx")]
    [InlineData("text/markdown;q=0.5, text/html;q=0.9", "text/html", "inline", ".html")]
    public async Task The_form_follows_accept(string? accept, string mediaType, string disposition, string extension)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reporting/reports/2015");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Client.SendAsync(request);

        await ReportDownload.ReadAsync(response, mediaType, disposition, "2015年县科技创新工作汇报" + extension);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("md", "text/markdown")]
    [InlineData("html", "text/html")]
    [InlineData("docx", ReportDownload.Word)]
    public async Task Format_in_the_query_wins_over_accept_for_browsers(string format, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reporting/reports/2015?format={format}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_forms_and_years_are_refused()
    {
        Assert.Equal(["format"], Problems.ErrorFields(
            await Client.GetAsync("/api/v1/reporting/reports/2015?format=pdf").ProblemAsync(HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problems.ErrorFields(
            await Client.GetAsync("/api/v1/reporting/reports/1999").ProblemAsync(HttpStatusCode.BadRequest)));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reporting/reports/2015");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await Client.SendAsync(request).ProblemAsync(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task The_indicators_of_a_year_download_as_a_spreadsheet_one_row_per_indicator()
    {
        await CountyScenario.EnterAsync(this, Service, Township);

        var rows = await SpreadsheetDownload.ReadAsync(
            await Client.GetAsync($"/api/v1/reporting/indicators?year={Year}&format=xlsx"), $"{Year}年科技创新指标.xlsx");
        using var byAccept = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reporting/indicators?year={Year}");
        byAccept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(SpreadsheetDownload.ContentType));
        var acceptRows = await SpreadsheetDownload.ReadAsync(await Client.SendAsync(byAccept), $"{Year}年科技创新指标.xlsx");

        Assert.Equal(["指标代码", "指标名称", "单位", "本年值", "上年值", "同比增减（%）", "计算口径"], rows[0].Keys);
        Assert.Equal(IndicatorsMd.Codes, rows.Select(r => (string?)r["指标代码"]));
        Assert.Equal(IndicatorsMd.Rows.Select(r => (r.NameZh, r.Unit)), rows.Select(r => ((string)r["指标名称"]!, (string)r["单位"]!)));
        var funding = rows.Single(r => (string?)r["指标代码"] == "upper_funding");
        Assert.Equal((150.75m, 50m, 201.5m), (Number(funding["本年值"]), Number(funding["上年值"]), Number(funding["同比增减（%）"])));
        Assert.Contains("fundingWan", (string)funding["计算口径"]!, StringComparison.Ordinal);
        var intensity = rows.Single(r => (string?)r["指标代码"] == "rd_intensity");
        Assert.Equal((1.5m, 1.25m, 20m), (Number(intensity["本年值"]), Number(intensity["上年值"]), Number(intensity["同比增减（%）"])));
        var turnover = rows.Single(r => (string?)r["指标代码"] == "tech_contract_turnover");
        Assert.Equal((140.2575m, 50m, 180.515m), (Number(turnover["本年值"]), Number(turnover["上年值"]), Number(turnover["同比增减（%）"])));
        var missing = (await SpreadsheetDownload.ReadAsync(
            await Client.GetAsync("/api/v1/reporting/indicators?year=2003&format=xlsx"), "2003年科技创新指标.xlsx"))
            .Single(r => (string?)r["指标代码"] == "rd_intensity");
        Assert.Equal((null, null, null), (Number(missing["本年值"]), Number(missing["上年值"]), Number(missing["同比增减（%）"])));

        Assert.Equal(rows.Select(r => string.Join("|", r.Values)), acceptRows.Select(r => string.Join("|", r.Values)));
    }

    [Fact]
    public async Task The_wording_is_a_template_the_bureau_edits_without_code()
    {
        var templates = Directory.CreateTempSubdirectory("report-templates-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "annual-report.md.liquid"),
                "# {{ year }}年科技工作简报\n\n全年争取上级科技资金{{ upper_funding.figure }}{{ upper_funding.yoy }}；{{ patent_grants.missing }}。\n");
            await Service.DeliverAsync(ProjectHistory.Of(2012, Township));
            await using var edited = Service.OnSameDatabase(("Report:TemplateDirectory", templates.FullName));
            using var client = edited.Start();

            using var response = await client.GetAsync("/api/v1/reporting/reports/2012");

            var markdown = Encoding.UTF8.GetString(await ReportDownload.ReadAsync(response, "text/markdown", "attachment", "2012年科技工作简报.md"));
            Assert.Equal("# 2012年科技工作简报\n\n全年争取上级科技资金150.75万元，同比增长201.50%；专利授权量尚未报送。\n", markdown);
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_a_server_error_naming_the_file()
    {
        var templates = Directory.CreateTempSubdirectory("report-templates-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "annual-report.md.liquid"), "# {{ year }}年\n\n{% if upper_funding.known %}未闭合\n");
            await using var edited = Service.OnSameDatabase(("Report:TemplateDirectory", templates.FullName));
            using var client = edited.Start();

            var problem = await client.GetAsync("/api/v1/reporting/reports/2012").ProblemAsync(HttpStatusCode.InternalServerError);

            Assert.Contains("annual-report.md.liquid", problem.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    private async Task<string> MarkdownAsync(int year) =>
        Encoding.UTF8.GetString(await ReportDownload.ReadAsync(
            await Client.GetAsync($"/api/v1/reporting/reports/{year}"), "text/markdown", "attachment", $"{year}年县科技创新工作汇报.md"));

    private static decimal? Number(object? cell) => cell is null ? null : Convert.ToDecimal(cell, System.Globalization.CultureInfo.InvariantCulture);
}
