using System.Net;
using System.Net.Http.Headers;
using CountyTech.Enterprises.Apis;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Enterprises.Tests;

/// <summary>The statistics bureau's .xlsx of a year's figures: every row applied in one transaction, or none.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AnnualReportImportTests(InfrastructureFixture infrastructure) : EnterpriseServiceTest(infrastructure)
{
    private Task<HttpResponseMessage> ImportAsync(byte[] body, string query = "?year=2024", string contentType = SpreadsheetDownload.ContentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return Client.PostAsync("/api/v1/enterprises/annual-reports/import" + query, content);
    }

    private Task<int> ReportsAsync() => Service.ReadAsync(db => db.Enterprises.SelectMany(e => e.AnnualReports).CountAsync());

    [Fact]
    public async Task Every_row_is_applied_and_uploading_the_same_file_again_changes_nothing()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync();
        var sheet = StatisticsSheet.Bytes(
            StatisticsSheet.Row(first.CreditCode, first.Name, 1200.5, 80, 150, 30, 900),
            StatisticsSheet.Row(second.CreditCode, second.Name, 300, 0, 12, 0, 0));

        var applied = await EnterprisesServiceFactory.BodyAsync<AnnualReportImportResponse>(await ImportAsync(sheet));
        Assert.Equal(new AnnualReportImportResponse(2024, 2, 0), applied);
        var read = await GetAsync<EnterpriseResponse>($"/api/v1/enterprises/{first.Id}");
        Assert.Equal((2024, 1200.5m, 80m, 150, 30, 900m),
            (read.AnnualReports[0].Year, read.AnnualReports[0].RevenueWan, read.AnnualReports[0].RdExpenseWan, read.AnnualReports[0].Employees,
                read.AnnualReports[0].TechStaff, read.AnnualReports[0].HighTechRevenueWan));

        var again = await EnterprisesServiceFactory.BodyAsync<AnnualReportImportResponse>(await ImportAsync(sheet));
        Assert.Equal(new AnnualReportImportResponse(2024, 0, 2), again);
        Assert.Equal(read.UpdatedAt, (await GetAsync<EnterpriseResponse>($"/api/v1/enterprises/{first.Id}")).UpdatedAt);

        var corrected = StatisticsSheet.Bytes(
            StatisticsSheet.Row(first.CreditCode, first.Name, 1200.5, 85, 150, 30, 900),
            StatisticsSheet.Row(second.CreditCode, second.Name, 300, 0, 12, 0, 0));
        Assert.Equal(new AnnualReportImportResponse(2024, 1, 1), await EnterprisesServiceFactory.BodyAsync<AnnualReportImportResponse>(await ImportAsync(corrected)));

        Assert.Equal(
            ["EnterpriseRegistered", "EnterpriseRegistered", "AnnualFiguresReported", "AnnualFiguresReported", "AnnualFiguresReported"],
            await Service.OutboxEventsAsync());
    }

    [Fact]
    public async Task One_unknown_credit_code_or_bad_cell_applies_nothing_and_names_every_wrong_cell()
    {
        var known = await RegisterAsync();
        var young = await RegisterAsync(registeredOn: "2025-02-01");
        var sheet = StatisticsSheet.Bytes(
            StatisticsSheet.Row(known.CreditCode, known.Name, 1000, 50, 100, 10, 600),
            StatisticsSheet.Row(CreditCodes.NewValid(), "未登记的公司", 1000, 50, 100, 10, 600),
            StatisticsSheet.Row(young.CreditCode, young.Name, 10, 0, 5, 1, 0),
            StatisticsSheet.Blank,
            StatisticsSheet.Row(known.CreditCode[..17] + "?", "错码公司", "很多", 50, 100, 101, 600));

        var problem = await Problems.AssertAsync(await ImportAsync(sheet), HttpStatusCode.BadRequest);

        Assert.Equal(["A3", "A4", "A6", "C6", "F6"], Problems.ErrorFields(problem));
        Assert.Contains("No enterprise", problem.GetProperty("errors").GetProperty("A3")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("before the enterprise was registered", problem.GetProperty("errors").GetProperty("A4")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ReportsAsync());
        Assert.Equal(["EnterpriseRegistered", "EnterpriseRegistered"], await Service.OutboxEventsAsync());
    }

    [Fact]
    public async Task A_wrong_header_applies_nothing()
    {
        var known = await RegisterAsync();
        var header = AnnualReportSheet.Header.ToArray();
        header[0] = "信用代码";
        using var sheet = StatisticsSheet.WithHeader(header, StatisticsSheet.Row(known.CreditCode, known.Name, 1000, 50, 100, 10, 600));

        var problem = await Problems.AssertAsync(await ImportAsync(sheet.ToArray()), HttpStatusCode.BadRequest);

        Assert.Equal(["A1"], Problems.ErrorFields(problem));
        Assert.Equal(0, await ReportsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_an_xlsx_is_415_and_a_year_is_required()
    {
        var known = await RegisterAsync();
        var sheet = StatisticsSheet.Bytes(StatisticsSheet.Row(known.CreditCode, known.Name, 1000, 50, 100, 10, 600));

        await Problems.AssertAsync(await ImportAsync(sheet, contentType: "text/csv"), HttpStatusCode.UnsupportedMediaType);
        await Problems.AssertAsync(await ImportAsync("统一社会信用代码,企业名称\n"u8.ToArray()), HttpStatusCode.UnsupportedMediaType);
        await Problems.AssertAsync(await ImportAsync([]), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["year"], Problems.ErrorFields(await Problems.AssertAsync(await ImportAsync(sheet, query: ""), HttpStatusCode.BadRequest)));
        Assert.Equal(["year"], Problems.ErrorFields(await Problems.AssertAsync(await ImportAsync(sheet, query: "?year=2099"), HttpStatusCode.BadRequest)));
        await Problems.AssertAsync(await ImportAsync(new byte[(1024 * 1024) + 1]), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await ReportsAsync());
    }
}
