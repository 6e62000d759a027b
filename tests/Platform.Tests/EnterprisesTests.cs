using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Testing;
using MiniExcelLibs;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The bureau's staff keep the county's innovation enterprises through the gateway: register, certify, revoke, R&amp;D
/// centres, cooperations, tech-SME registrations, a year's figures by hand and by the statistics bureau's .xlsx; then the
/// high-tech eligibility answer and the six enterprise indicators with exact values. Years 2011–2012 of the enterprise
/// indicators belong to this test alone (nothing else in these tests dates an enterprise record before 2020).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EnterprisesTests(PlatformFixture platform)
{
    private const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Header =
        ["统一社会信用代码", "企业名称", "营业收入（万元）", "研发费用（万元）", "从业人员", "科技人员", "高新技术产品收入（万元）"];

    [Fact]
    public async Task Enterprise_records_become_the_eligibility_answer_and_the_six_indicators()
    {
        var key = await platform.RegisterClientAsync("县科技局创新主体管理系统", "enterprises:read", "enterprises:write", "reporting:read");
        using var app = platform.Gateway(key);
        var township = "经开区" + Guid.NewGuid().ToString("N")[..4];

        var first = await RegisterAsync(app, township, "2008-03-01", aboveDesignatedSize: true);
        var second = await RegisterAsync(app, township, "2009-05-01", aboveDesignatedSize: true);
        var third = await RegisterAsync(app, township, "2010-01-01", aboveDesignatedSize: false);
        var (e1, e2, e3) = (Id(first), Id(second), Id(third));

        // Certificates: e1 from 2010-06-01 and again 2012-11-01; e2 from 2011-12-31, revoked 2012-12-31; e3 from 2012-01-01.
        await StepAsync(app, e1, "high-tech-certificates", new { certificateNo = "GR" + Code(first)[^10..] + "A", issuedOn = "2010-06-01", technologyField = "电子信息" });
        await StepAsync(app, e1, "high-tech-certificates", new { certificateNo = "GR" + Code(first)[^10..] + "B", issuedOn = "2012-11-01", technologyField = "电子信息" });
        var revokable = "GR" + Code(second)[^10..];
        await StepAsync(app, e2, "high-tech-certificates", new { certificateNo = revokable, issuedOn = "2011-12-31", technologyField = "新材料" });
        var revoked = await StepAsync(app, e2, $"high-tech-certificates/{revokable}/revocation", new { revokedOn = "2012-12-31", reason = "申请材料弄虚作假" });
        Assert.Equal("revoked", revoked.GetProperty("highTechCertificates")[0].GetProperty("status").GetString());
        await StepAsync(app, e3, "high-tech-certificates", new { certificateNo = "GR" + Code(third)[^10..], issuedOn = "2012-01-01", technologyField = "先进制造与自动化" });

        await StepAsync(app, e1, "tech-sme-registrations", new { year = 2011, registrationNo = "2011" + Code(first) });
        await StepAsync(app, e1, "tech-sme-registrations", new { year = 2012, registrationNo = "2012" + Code(first) });
        await StepAsync(app, e3, "tech-sme-registrations", new { year = 2012, registrationNo = "2012" + Code(third) });
        await StepAsync(app, e1, "rd-centres", new { name = "县电子信息工程技术研究中心", level = "county", recognisedOn = "2011-12-31" });
        await StepAsync(app, e2, "rd-centres", new { name = "市新材料企业技术中心", level = "municipal", recognisedOn = "2012-01-01" });
        await StepAsync(app, e2, "cooperations", new { partner = "浙江大学", partnerKind = "university", signedOn = "2011-06-01", amountWan = 50 });
        await StepAsync(app, e1, "cooperations", new { partner = "中国科学院宁波材料技术与工程研究所", partnerKind = "institute", signedOn = "2012-03-01", amountWan = 30.5 });
        await StepAsync(app, e3, "cooperations", new { partner = "某职业技术学院", partnerKind = "university", signedOn = "2012-12-31" });

        // Figures: e1 by hand for 2010–2012; e2 and e3 for 2012 from the statistics bureau's spreadsheet (e3 is not 规上).
        await ReportAsync(app, e1, 2010, new { revenueWan = 1000, rdExpenseWan = 115, employees = 180, techStaff = 25, highTechRevenueWan = 700 });
        await ReportAsync(app, e1, 2011, new { revenueWan = 1500, rdExpenseWan = 30, employees = 190, techStaff = 28, highTechRevenueWan = 1000 });
        await ReportAsync(app, e1, 2012, new { revenueWan = 2000, rdExpenseWan = 80, employees = 200, techStaff = 30, highTechRevenueWan = 1500 });
        var sheet = Spreadsheet(
            [Code(second), "乙公司", 6000, 160, 400, 60, 4000],
            [Code(third), "丙公司", 500, 50, 40, 8, 100]);
        var wrong = Spreadsheet([Code(second), "乙公司", 6000, 160, 400, 401, 4000], [CreditCodes.NewValid(), "未登记", 1, 0, 1, 0, 0]);
        var refused = await app.PostAsync("/api/v1/enterprises/annual-reports/import?year=2012", Xlsx(wrong)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["A3", "F2"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var imported = await app.PostAsync("/api/v1/enterprises/annual-reports/import?year=2012", Xlsx(sheet)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((2012, 2, 0), (imported.GetProperty("year").GetInt32(), imported.GetProperty("applied").GetInt32(), imported.GetProperty("unchanged").GetInt32()));
        var again = await app.PostAsync("/api/v1/enterprises/annual-reports/import?year=2012", Xlsx(sheet)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 2), (again.GetProperty("applied").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        using var notXlsx = new StringContent("统一社会信用代码,企业名称", System.Text.Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await app.PostAsync("/api/v1/enterprises/annual-reports/import?year=2012", notXlsx)).StatusCode);

        // Art. 11 for e1 and 2012: R&D (115 + 30 + 80) / (1000 + 1500 + 2000) = 5% against 5%; tech staff 15%; high-tech
        // revenue 75%; registered four years; no granted patent known, so not eligible.
        var eligibility = await app.GetAsync($"/api/v1/enterprises/{e1}/high-tech-eligibility?year=2012").JsonAsync(HttpStatusCode.OK);
        Assert.False(eligibility.GetProperty("eligible").GetBoolean());
        Assert.Equal(
            [("registered-one-year", 1m, 4m, true), ("owns-granted-ip", 1m, 0m, false), ("tech-staff-ratio", 10m, 15m, true),
                ("rd-expense-ratio", 5m, 5m, true), ("high-tech-revenue-ratio", 60m, 75m, true)],
            eligibility.GetProperty("criteria").EnumerateArray().Select(c => (c.GetProperty("criterion").GetString(),
                c.GetProperty("required").GetDecimal(), c.GetProperty("actual").GetDecimal(), c.GetProperty("met").GetBoolean())));

        var expected = new Dictionary<string, (decimal? Value, decimal? Previous, decimal? Change)>
        {
            ["enterprise_rd_intensity"] = (3m, 2m, 50m),   // (80 + 160) / (2000 + 6000); 2011: 30 / 1500
            ["high_tech_enterprises"] = (2m, 2m, 0m),      // end 2012: e1, e3 (e2 revoked on 12-31); end 2011: e1, e2
            ["high_tech_certified"] = (2m, 1m, 100m),      // 2012: e1, e3; 2011: e2
            ["tech_smes"] = (2m, 1m, 100m),
            ["rd_centres"] = (2m, 1m, 100m),
            ["cooperations"] = (2m, 1m, 100m),
        };
        var indicators = await Eventually.UntilAsync(
            () => ReadIndicatorsAsync(app, 2012),
            read => expected.All(e => read.TryGetValue(e.Key, out var actual) && actual == e.Value),
            "the enterprise indicators to reflect every record", TimeSpan.FromSeconds(60));
        foreach (var (code, values) in expected)
        {
            Assert.Equal((code, values), (code, indicators[code]));
        }

        var byTownship = await app.GetAsync("/api/v1/reporting/indicators/high_tech_enterprises?from=2011&to=2012&by=township").JsonAsync(HttpStatusCode.OK);
        var mine = byTownship.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("township").GetString() == township);
        Assert.Equal([2m, 2m], mine.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()));
    }

    [Fact]
    public async Task Enterprises_need_their_scopes_and_a_wrong_credit_code_is_400_through_the_gateway()
    {
        var reader = await platform.RegisterClientAsync("县统计局查询", "enterprises:read");
        using var app = platform.Gateway(reader);

        var forbidden = await app.PostAsJsonAsync("/api/v1/enterprises", new { creditCode = CreditCodes.NewValid() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await app.GetAsync("/api/v1/enterprises?pageSize=1").JsonAsync(HttpStatusCode.OK);

        var writer = await platform.RegisterClientAsync("县科技局录入", "enterprises:write");
        using var staff = platform.Gateway(writer);
        var invalid = await staff.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode = "91350100M000100Y42", name = "某公司", industry = "电子信息", township = "城关镇", registeredOn = "2020-01-01", aboveDesignatedSize = false,
        }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["creditCode"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient app, string township, string registeredOn, bool aboveDesignatedSize)
    {
        var creditCode = CreditCodes.NewValid();
        return await app.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode, name = "某某科技有限公司" + creditCode[^4..], industry = "电子信息", township, registeredOn, aboveDesignatedSize,
        }).JsonAsync(HttpStatusCode.Created);
    }

    private static string Id(JsonElement enterprise) => enterprise.GetProperty("id").GetString()!;

    private static string Code(JsonElement enterprise) => enterprise.GetProperty("creditCode").GetString()!;

    private static Task<JsonElement> StepAsync(HttpClient app, string id, string step, object body) =>
        app.PostAsJsonAsync($"/api/v1/enterprises/{id}/{step}", body).JsonAsync(HttpStatusCode.OK);

    private static Task<JsonElement> ReportAsync(HttpClient app, string id, int year, object figures) =>
        app.PutAsJsonAsync($"/api/v1/enterprises/{id}/annual-reports/{year}", figures).JsonAsync(HttpStatusCode.OK);

    /// <summary>The statistics bureau's sheet: API.md's header row, then one row per enterprise.</summary>
    private static byte[] Spreadsheet(params object[][] rows)
    {
        static Dictionary<string, object?> Cells(object[] values) =>
            values.Select((value, column) => (((char)('A' + column)).ToString(), value)).ToDictionary(c => c.Item1, c => (object?)c.value);

        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new[] { Cells(Header) }.Concat(rows.Select(Cells)), printHeader: false);
        return xlsx.ToArray();
    }

    private static ByteArrayContent Xlsx(byte[] sheet)
    {
        var content = new ByteArrayContent(sheet);
        content.Headers.ContentType = new MediaTypeHeaderValue(SpreadsheetType);
        return content;
    }

    private static async Task<Dictionary<string, (decimal?, decimal?, decimal?)>> ReadIndicatorsAsync(HttpClient app, int year)
    {
        var body = await app.GetAsync($"/api/v1/reporting/indicators?year={year}").JsonAsync(HttpStatusCode.OK);
        return body.GetProperty("indicators").EnumerateArray().ToDictionary(
            i => i.GetProperty("code").GetString()!,
            i => (Number(i.GetProperty("value")), Number(i.GetProperty("previousValue")), Number(i.GetProperty("yoyChangePercent"))));
    }

    private static decimal? Number(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDecimal();
}
