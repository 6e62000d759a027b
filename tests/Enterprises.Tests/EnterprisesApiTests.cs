using System.Net;
using System.Net.Http.Json;
using CountyTech.BureauRules;
using CountyTech.Contracts.Enterprises;
using CountyTech.Enterprises.Apis;
using CountyTech.Enterprises.Domain;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Enterprises.Tests;

/// <summary>The Enterprises API on the real service, database and broker (no gateway: that is the Platform tests' job).</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EnterprisesApiTests(InfrastructureFixture infrastructure) : EnterpriseServiceTest(infrastructure)
{
    [Fact]
    public async Task An_enterprise_keeps_its_innovation_record_and_every_change_is_published_through_the_outbox()
    {
        var registered = await RegisterAsync(industry: "新材料");
        Assert.Equal(("新材料", Township, new DateOnly(2012, 8, 8), true), (registered.Industry, registered.Township, registered.RegisteredOn, registered.AboveDesignatedSize));

        await OkAsync(PostAsync(registered.Id, "high-tech-certificates", new { certificateNo = "GR202033000101", issuedOn = "2020-06-01", technologyField = "新材料" }));
        await OkAsync(PostAsync(registered.Id, "high-tech-certificates/GR202033000101/revocation", new { revokedOn = "2021-12-31", reason = "申请材料弄虚作假" }));
        await OkAsync(PostAsync(registered.Id, "tech-sme-registrations", new { year = 2024, registrationNo = "2024330106A0001" + registered.CreditCode[^4..] }));
        await OkAsync(PostAsync(registered.Id, "rd-centres", new { name = "县新材料工程技术研究中心", level = "county", recognisedOn = "2022-04-01" }));
        await OkAsync(PostAsync(registered.Id, "cooperations", new { partner = "浙江大学", partnerKind = "university", signedOn = "2023-05-20", amountWan = 35.5 }));
        await OkAsync(PostAsync(registered.Id, "cooperations", new { partner = "省农业科学院", partnerKind = "institute", signedOn = "2023-09-01" }));
        await OkAsync(ReportAsync(registered.Id, 2024, 1200.5m, 80m, 150, 30, 900m));

        var read = await GetAsync<EnterpriseResponse>($"/api/v1/enterprises/{registered.Id}");
        var certificate = Assert.Single(read.HighTechCertificates);
        Assert.Equal((CertificateStatus.Revoked, new DateOnly(2023, 6, 1), new DateOnly(2021, 12, 31)), (certificate.Status, certificate.ExpiresOn, certificate.RevokedOn));
        Assert.False(read.HighTech);
        Assert.Equal(2024, Assert.Single(read.TechSmeRegistrations).Year);
        Assert.Equal(RdCentreLevel.County, Assert.Single(read.RdCentres).Level);
        Assert.Equal([35.5m, null], read.Cooperations.Select(c => c.AmountWan));
        Assert.Equal((2024, 1200.5m, 30), (Assert.Single(read.AnnualReports).Year, read.AnnualReports[0].RevenueWan, read.AnnualReports[0].TechStaff));

        var published = await Eventually.UntilAsync(() => Service.ReadAsync(db =>
            db.Set<Messaging.Outbox.OutboxMessage>().CountAsync(m => m.SentAt != null)), sent => sent == 8, "the relay to publish all eight events");
        Assert.Equal(8, published);
        Assert.Equal(
            ["EnterpriseRegistered", "HighTechEnterpriseCertified", "HighTechCertificateRevoked", "TechSmeRegistered", "RdCentreRecognised",
                "CooperationSigned", "CooperationSigned", "AnnualFiguresReported"],
            await Service.OutboxEventsAsync());
    }

    [Fact]
    public async Task A_wrong_credit_code_is_400_naming_it_and_a_registered_one_is_409()
    {
        var problem = await Problems.AssertAsync(
            await Client.PostAsJsonAsync("/api/v1/enterprises", Registration("91350100M000100Y42", Township)), HttpStatusCode.BadRequest);
        Assert.Equal(["creditCode"], Problems.ErrorFields(problem));

        var enterprise = await RegisterAsync();
        var duplicate = await Problems.AssertAsync(
            await Client.PostAsJsonAsync("/api/v1/enterprises", Registration(enterprise.CreditCode.ToLowerInvariant(), Township)), HttpStatusCode.Conflict);
        Assert.Contains(enterprise.CreditCode, duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(1, await Service.ReadAsync(db => db.Enterprises.CountAsync()));
        Assert.Equal(["EnterpriseRegistered"], await Service.OutboxEventsAsync());
    }

    [Fact]
    public async Task Bad_bodies_are_400_per_field_and_an_unknown_enterprise_is_404()
    {
        var missing = await Problems.AssertAsync(await Client.PostAsJsonAsync("/api/v1/enterprises", new { name = "某公司" }), HttpStatusCode.BadRequest);
        Assert.Equal(["aboveDesignatedSize", "creditCode", "industry", "registeredOn", "township"], Problems.ErrorFields(missing));
        await Problems.AssertAsync(await Client.PostAsJsonAsync("/api/v1/enterprises", new { aboveDesignatedSize = "yes" }), HttpStatusCode.BadRequest);

        var enterprise = await RegisterAsync();
        var level = await Problems.AssertAsync(await PostAsync(enterprise.Id, "rd-centres", new { name = "中心", level = "village", recognisedOn = "2020-01-01" }), HttpStatusCode.BadRequest);
        Assert.Equal(["level"], Problems.ErrorFields(level));
        var amount = await Problems.AssertAsync(await PostAsync(enterprise.Id, "cooperations", new { partner = "某大学", partnerKind = "university", signedOn = "2020-01-01", amountWan = -1 }), HttpStatusCode.BadRequest);
        Assert.Equal(["amountWan"], Problems.ErrorFields(amount));
        var future = await Problems.AssertAsync(await PostAsync(enterprise.Id, "high-tech-certificates", new { certificateNo = "GR1", issuedOn = "2099-01-01", technologyField = "电子信息" }), HttpStatusCode.BadRequest);
        Assert.Equal(["issuedOn"], Problems.ErrorFields(future));

        await Problems.AssertAsync(await Client.GetAsync($"/api/v1/enterprises/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await PostAsync(Guid.NewGuid(), "tech-sme-registrations", new { year = 2024, registrationNo = "X1" }), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await ReportAsync(Guid.NewGuid(), 2024, 1, 0, 1, 0, 0), HttpStatusCode.NotFound);
        Assert.Equal(["EnterpriseRegistered"], await Service.OutboxEventsAsync());
    }

    [Fact]
    public async Task Certificates_are_unique_and_revoked_once_not_before_issue_and_only_when_known()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync();
        var number = "GR2021" + first.CreditCode[^8..];
        await OkAsync(PostAsync(first.Id, "high-tech-certificates", new { certificateNo = number, issuedOn = "2021-11-15", technologyField = "电子信息" }));

        var elsewhere = await Problems.AssertAsync(await PostAsync(second.Id, "high-tech-certificates", new { certificateNo = number, issuedOn = "2021-11-15", technologyField = "电子信息" }), HttpStatusCode.Conflict);
        Assert.Contains(number, elsewhere.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problems.AssertAsync(await PostAsync(first.Id, "high-tech-certificates", new { certificateNo = number, issuedOn = "2022-11-15", technologyField = "电子信息" }), HttpStatusCode.Conflict);

        await Problems.AssertAsync(await PostAsync(first.Id, "high-tech-certificates/GR-UNKNOWN/revocation", new { revokedOn = "2022-01-01", reason = "x" }), HttpStatusCode.NotFound);
        await Problems.AssertAsync(await PostAsync(second.Id, $"high-tech-certificates/{number}/revocation", new { revokedOn = "2022-01-01", reason = "x" }), HttpStatusCode.NotFound);
        var early = await Problems.AssertAsync(await PostAsync(first.Id, $"high-tech-certificates/{number}/revocation", new { revokedOn = "2021-11-14", reason = "x" }), HttpStatusCode.Conflict);
        Assert.Contains("before certificate", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await OkAsync(PostAsync(first.Id, $"high-tech-certificates/{number}/revocation", new { revokedOn = "2022-03-01", reason = "发生重大安全事故" }));
        await Problems.AssertAsync(await PostAsync(first.Id, $"high-tech-certificates/{number}/revocation", new { revokedOn = "2022-04-01", reason = "x" }), HttpStatusCode.Conflict);

        Assert.Equal(["EnterpriseRegistered", "EnterpriseRegistered", "HighTechEnterpriseCertified", "HighTechCertificateRevoked"], await Service.OutboxEventsAsync());
    }

    [Fact]
    public async Task One_tech_sme_registration_a_year_and_a_registration_number_once()
    {
        var enterprise = await RegisterAsync();
        var other = await RegisterAsync();
        var number = "2024-" + enterprise.CreditCode;
        await OkAsync(PostAsync(enterprise.Id, "tech-sme-registrations", new { year = 2024, registrationNo = number }));

        await Problems.AssertAsync(await PostAsync(enterprise.Id, "tech-sme-registrations", new { year = 2024, registrationNo = number + "B" }), HttpStatusCode.Conflict);
        await Problems.AssertAsync(await PostAsync(other.Id, "tech-sme-registrations", new { year = 2024, registrationNo = number }), HttpStatusCode.Conflict);
        var before = await Problems.AssertAsync(await PostAsync(enterprise.Id, "tech-sme-registrations", new { year = 2011, registrationNo = "2011-1" }), HttpStatusCode.Conflict);
        Assert.Contains("before the enterprise was registered", before.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await OkAsync(PostAsync(enterprise.Id, "tech-sme-registrations", new { year = 2025, registrationNo = "2025-" + enterprise.CreditCode }));

        Assert.Equal([2024, 2025], (await GetAsync<EnterpriseResponse>($"/api/v1/enterprises/{enterprise.Id}")).TechSmeRegistrations.Select(r => r.Year));
    }

    [Fact]
    public async Task Annual_figures_are_checked_upserted_and_announced_only_when_they_change()
    {
        var enterprise = await RegisterAsync();

        var staff = await Problems.AssertAsync(await ReportAsync(enterprise.Id, 2024, 1000, 50, 30, 31, 500), HttpStatusCode.BadRequest);
        Assert.Equal(["techStaff"], Problems.ErrorFields(staff));
        var highTech = await Problems.AssertAsync(await ReportAsync(enterprise.Id, 2024, 1000, 50, 30, 3, 1000.01m), HttpStatusCode.BadRequest);
        Assert.Equal(["highTechRevenueWan"], Problems.ErrorFields(highTech));
        var future = await Problems.AssertAsync(await ReportAsync(enterprise.Id, 2099, 1000, 50, 30, 3, 500), HttpStatusCode.BadRequest);
        Assert.Equal(["year"], Problems.ErrorFields(future));

        await OkAsync(ReportAsync(enterprise.Id, 2024, 1000, 50, 30, 3, 500));
        var first = await GetAsync<EnterpriseResponse>($"/api/v1/enterprises/{enterprise.Id}");
        var again = await OkAsync(ReportAsync(enterprise.Id, 2024, 1000, 50, 30, 3, 500));
        Assert.Equal(first.UpdatedAt, again.UpdatedAt);
        var corrected = await OkAsync(ReportAsync(enterprise.Id, 2024, 1000, 55.25m, 30, 3, 500));
        Assert.Equal(55.25m, Assert.Single(corrected.AnnualReports).RdExpenseWan);
        await OkAsync(ReportAsync(enterprise.Id, 2023, 0, 0, 0, 0, 0));

        Assert.Equal(["EnterpriseRegistered", "AnnualFiguresReported", "AnnualFiguresReported", "AnnualFiguresReported"], await Service.OutboxEventsAsync());
    }

    [Fact]
    public async Task The_enterprise_list_filters_as_the_bureau_asks_and_pages()
    {
        var certified = await RegisterAsync(industry: "电子信息", registeredOn: "2015-03-01");
        var small = await RegisterAsync(industry: "电子信息", registeredOn: "2015-09-01", aboveDesignatedSize: false);
        var lapsed = await RegisterAsync(industry: "生物医药", registeredOn: "2018-01-01");
        await OkAsync(PostAsync(certified.Id, "high-tech-certificates", new { certificateNo = "GRV" + certified.CreditCode, issuedOn = BureauCalendar.Today(TimeProvider.System).AddYears(-1).ToString("yyyy-MM-dd"), technologyField = "电子信息" }));
        await OkAsync(PostAsync(lapsed.Id, "high-tech-certificates", new { certificateNo = "GRE" + lapsed.CreditCode, issuedOn = "2018-06-01", technologyField = "生物与新医药" }));
        var township = $"township={Uri.EscapeDataString(Township)}";

        var all = await GetAsync<PagedList<EnterpriseSummary>>($"/api/v1/enterprises?{township}&pageSize=2");
        Assert.Equal((3, 2), (all.Total, all.Items.Count));
        Assert.Equal([certified.Id, small.Id], (await GetAsync<PagedList<EnterpriseSummary>>($"/api/v1/enterprises?{township}&industry={Uri.EscapeDataString("电子信息")}")).Items.Select(e => e.Id).Order());
        Assert.Equal(small.Id, Assert.Single((await GetAsync<PagedList<EnterpriseSummary>>($"/api/v1/enterprises?{township}&aboveDesignatedSize=false")).Items).Id);
        Assert.Equal(lapsed.Id, Assert.Single((await GetAsync<PagedList<EnterpriseSummary>>($"/api/v1/enterprises?{township}&year=2018")).Items).Id);
        var highTech = Assert.Single((await GetAsync<PagedList<EnterpriseSummary>>($"/api/v1/enterprises?{township}&highTech=true")).Items);
        Assert.Equal((certified.Id, true), (highTech.Id, highTech.HighTech));
        Assert.Equal(2, (await GetAsync<PagedList<EnterpriseSummary>>($"/api/v1/enterprises?{township}&highTech=false")).Total);

        var invalid = await Problems.AssertAsync(await Client.GetAsync("/api/v1/enterprises?highTech=maybe&aboveDesignatedSize=2&pageSize=500"), HttpStatusCode.BadRequest);
        Assert.Equal(["aboveDesignatedSize", "highTech", "pageSize"], Problems.ErrorFields(invalid));
    }

    [Fact]
    public async Task The_certificate_list_filters_by_year_of_issue_and_status_today_and_both_lists_download_as_xlsx()
    {
        var enterprise = await RegisterAsync();
        var recent = BureauCalendar.Today(TimeProvider.System).AddMonths(-2);
        var suffix = enterprise.CreditCode[^8..];
        await OkAsync(PostAsync(enterprise.Id, "high-tech-certificates", new { certificateNo = "GR-A" + suffix, issuedOn = "2016-05-01", technologyField = "电子信息" }));
        await OkAsync(PostAsync(enterprise.Id, "high-tech-certificates", new { certificateNo = "GR-B" + suffix, issuedOn = "2019-05-01", technologyField = "电子信息" }));
        await OkAsync(PostAsync(enterprise.Id, "high-tech-certificates", new { certificateNo = "GR-C" + suffix, issuedOn = recent.ToString("yyyy-MM-dd"), technologyField = "电子信息" }));
        await OkAsync(PostAsync(enterprise.Id, $"high-tech-certificates/GR-B{suffix}/revocation", new { revokedOn = "2020-01-01", reason = "不再符合认定条件" }));
        var filter = $"/api/v1/enterprises/high-tech-certificates?township={Uri.EscapeDataString(Township)}";

        async Task<IEnumerable<string>> NumbersAsync(string query) =>
            (await GetAsync<PagedList<CertificateSummary>>(filter + query)).Items.Select(c => c.CertificateNo[..4]);

        Assert.Equal(["GR-C", "GR-B", "GR-A"], await NumbersAsync(""));
        Assert.Equal(["GR-C"], await NumbersAsync("&status=valid"));
        Assert.Equal(["GR-A"], await NumbersAsync("&status=expired"));
        Assert.Equal(["GR-B"], await NumbersAsync("&status=revoked"));
        Assert.Equal(["GR-B"], await NumbersAsync("&year=2019"));
        Assert.Equal(["status"], Problems.ErrorFields(await Problems.AssertAsync(await Client.GetAsync(filter + "&status=lapsed"), HttpStatusCode.BadRequest)));

        var sheet = await SpreadsheetDownload.ReadAsync(await Client.GetAsync(filter + "&format=xlsx&pageSize=1"), "高新技术企业证书清单.xlsx");
        Assert.Equal(["valid", "revoked", "expired"], sheet.Select(row => (string?)row["状态"]));
        Assert.Equal(enterprise.CreditCode, sheet[0]["统一社会信用代码"]);

        using var accept = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/enterprises?township={Uri.EscapeDataString(Township)}");
        accept.Headers.Accept.ParseAdd(SpreadsheetDownload.ContentType);
        var enterprises = await SpreadsheetDownload.ReadAsync(await Client.SendAsync(accept), "创新主体名录.xlsx");
        Assert.Equal((enterprise.Name, "是", "是"), ((string?)Assert.Single(enterprises)["企业名称"], (string?)enterprises[0]["规上企业"], (string?)enterprises[0]["有效高新技术企业"]));
    }

    [Fact]
    public async Task Eligibility_lists_each_criterion_and_needs_a_year()
    {
        var enterprise = await RegisterAsync();
        await OkAsync(ReportAsync(enterprise.Id, 2022, 4000, 200, 100, 20, 3000));
        await OkAsync(ReportAsync(enterprise.Id, 2024, 4000, 200, 100, 20, 3000));

        var missing = await GetAsync<HighTechEligibilityResponse>($"/api/v1/enterprises/{enterprise.Id}/high-tech-eligibility?year=2024");
        var rd = missing.Criteria.Single(c => c.Criterion == HighTechCriterion.RdExpenseRatio);
        Assert.Equal((false, (decimal?)null, 5m), (missing.Eligible, rd.Actual, rd.Required));
        Assert.Contains("2023", rd.Note, StringComparison.Ordinal);

        await OkAsync(ReportAsync(enterprise.Id, 2023, 4000, 200, 100, 20, 3000));
        var complete = await GetAsync<HighTechEligibilityResponse>($"/api/v1/enterprises/{enterprise.Id}/high-tech-eligibility?year=2024");
        Assert.Equal(
            [(HighTechCriterion.RegisteredOneYear, true), (HighTechCriterion.OwnsGrantedIp, false), (HighTechCriterion.TechStaffRatio, true),
                (HighTechCriterion.RdExpenseRatio, true), (HighTechCriterion.HighTechRevenueRatio, true)],
            complete.Criteria.Select(c => (c.Criterion, c.Met)));
        Assert.Equal((5m, 20m, 75m), (complete.Criteria[3].Actual, complete.Criteria[2].Actual, complete.Criteria[4].Actual));
        Assert.False(complete.Eligible);

        Assert.Equal(["year"], Problems.ErrorFields(await Problems.AssertAsync(await Client.GetAsync($"/api/v1/enterprises/{enterprise.Id}/high-tech-eligibility"), HttpStatusCode.BadRequest)));
        await Problems.AssertAsync(await Client.GetAsync($"/api/v1/enterprises/{Guid.NewGuid()}/high-tech-eligibility?year=2024"), HttpStatusCode.NotFound);
    }
}
