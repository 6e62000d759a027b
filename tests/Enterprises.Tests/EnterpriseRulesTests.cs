using CountyTech.BureauRules;
using CountyTech.Contracts.Enterprises;
using CountyTech.Enterprises.Domain;

namespace CountyTech.Enterprises.Tests;

/// <summary>The enterprise's own rules: certificate validity at year ends, revocation, duplicates, dates, annual figures.</summary>
public class EnterpriseRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly AnnualFigures Figures = new(1000m, 60m, 100, 20, 700m);

    private static Enterprise NewEnterprise(DateOnly? registeredOn = null) => Enterprise.Register(
        new EnterpriseRegistration("91350100M000100Y43", "某某新材料有限公司", "新材料", "城关镇", registeredOn ?? new DateOnly(2015, 5, 20), true), Now);

    private static HighTechCertificate Certificate(DateOnly issuedOn) =>
        NewEnterprise().Certify("GR202033000001", issuedOn, "新材料", Now);

    [Fact]
    public void A_certificate_issued_2020_06_01_counts_at_the_end_of_2022_and_not_at_the_end_of_2023()
    {
        var certificate = Certificate(new DateOnly(2020, 6, 1));

        Assert.False(certificate.IsValidOn(new DateOnly(2019, 12, 31)));
        Assert.True(certificate.IsValidOn(new DateOnly(2020, 6, 1)));
        Assert.True(certificate.IsValidOn(new DateOnly(2020, 12, 31)));
        Assert.True(certificate.IsValidOn(new DateOnly(2022, 12, 31)));
        Assert.True(certificate.IsValidOn(new DateOnly(2023, 5, 31)));
        Assert.False(certificate.IsValidOn(new DateOnly(2023, 6, 1)));
        Assert.False(certificate.IsValidOn(new DateOnly(2023, 12, 31)));
        Assert.Equal(new DateOnly(2023, 6, 1), certificate.ExpiresOn);
    }

    [Fact]
    public void A_certificate_issued_on_new_years_day_counts_for_three_year_ends()
    {
        var certificate = Certificate(new DateOnly(2021, 1, 1));

        Assert.Equal([2021, 2022, 2023], Enumerable.Range(2019, 8).Where(y => certificate.IsValidOn(new DateOnly(y, 12, 31))));
    }

    [Fact]
    public void A_certificate_issued_on_new_years_eve_counts_for_three_year_ends_from_that_one()
    {
        var certificate = Certificate(new DateOnly(2020, 12, 31));

        Assert.Equal([2020, 2021, 2022], Enumerable.Range(2019, 8).Where(y => certificate.IsValidOn(new DateOnly(y, 12, 31))));
    }

    [Fact]
    public void A_certificate_revoked_on_december_31_does_not_count_at_that_year_end_but_did_the_day_before()
    {
        var enterprise = NewEnterprise();
        var certificate = enterprise.Certify("GR202033000002", new DateOnly(2020, 6, 1), "新材料", Now);

        enterprise.RevokeCertificate(certificate, new DateOnly(2021, 12, 31), "申请材料弄虚作假", Now);

        Assert.True(certificate.IsValidOn(new DateOnly(2020, 12, 31)));
        Assert.True(certificate.IsValidOn(new DateOnly(2021, 12, 30)));
        Assert.False(certificate.IsValidOn(new DateOnly(2021, 12, 31)));
        Assert.False(certificate.IsValidOn(new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void The_query_filter_and_the_rule_agree_on_every_day_around_the_boundaries()
    {
        var enterprise = NewEnterprise();
        var plain = enterprise.Certify("GR1", new DateOnly(2020, 6, 1), "电子信息", Now);
        var revoked = enterprise.Certify("GR2", new DateOnly(2020, 6, 1), "电子信息", Now);
        enterprise.RevokeCertificate(revoked, new DateOnly(2021, 12, 31), "不再符合认定条件", Now);

        for (var day = new DateOnly(2020, 5, 30); day <= new DateOnly(2023, 6, 3); day = day.AddDays(1))
        {
            var filter = HighTechCertificate.ValidOn(day).Compile();
            Assert.Equal(plain.IsValidOn(day), filter(plain));
            Assert.Equal(revoked.IsValidOn(day), filter(revoked));
        }
    }

    [Fact]
    public void A_certificate_shows_valid_expired_or_revoked()
    {
        var enterprise = NewEnterprise();
        var certificate = enterprise.Certify("GR3", new DateOnly(2020, 6, 1), "生物与新医药", Now);

        Assert.Equal(CertificateStatus.Valid, certificate.StatusOn(new DateOnly(2023, 5, 31)));
        Assert.Equal(CertificateStatus.Expired, certificate.StatusOn(new DateOnly(2023, 6, 1)));
        enterprise.RevokeCertificate(certificate, new DateOnly(2022, 1, 5), "发生重大安全事故", Now);
        Assert.Equal(CertificateStatus.Revoked, certificate.StatusOn(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_certificate_is_revoked_once_and_not_before_it_was_issued()
    {
        var enterprise = NewEnterprise();
        var certificate = enterprise.Certify("GR4", new DateOnly(2020, 6, 1), "新能源与节能", Now);

        var early = Assert.Throws<RuleViolationException>(() => enterprise.RevokeCertificate(certificate, new DateOnly(2020, 5, 31), "x", Now));
        Assert.Contains("before certificate GR4 was issued", early.Message, StringComparison.Ordinal);
        enterprise.RevokeCertificate(certificate, new DateOnly(2020, 6, 1), "申请材料弄虚作假", Now);
        var again = Assert.Throws<RuleViolationException>(() => enterprise.RevokeCertificate(certificate, new DateOnly(2021, 1, 1), "x", Now));
        Assert.Contains("already revoked on 2020-06-01", again.Message, StringComparison.Ordinal);
        Assert.Equal("申请材料弄虚作假", certificate.RevocationReason);
    }

    [Fact]
    public void Records_dated_before_the_registration_are_refused()
    {
        var enterprise = NewEnterprise(new DateOnly(2015, 5, 20));

        Assert.Throws<RuleViolationException>(() => enterprise.Certify("GR5", new DateOnly(2015, 5, 19), "新材料", Now));
        Assert.Throws<RuleViolationException>(() => enterprise.RecogniseRdCentre("县级企业技术中心", RdCentreLevel.County, new DateOnly(2015, 1, 1), Now));
        Assert.Throws<RuleViolationException>(() => enterprise.SignCooperation("某大学", PartnerKind.University, new DateOnly(2014, 12, 31), null, Now));
        Assert.Throws<RuleViolationException>(() => enterprise.RegisterTechSme(2014, "2014-0001", Now));
        Assert.Throws<RuleViolationException>(() => enterprise.ReportAnnualFigures(2014, Figures, Now));
        enterprise.Certify("GR5", new DateOnly(2015, 5, 20), "新材料", Now);
        enterprise.ReportAnnualFigures(2015, Figures, Now);
    }

    [Fact]
    public void Duplicates_within_an_enterprise_are_refused()
    {
        var enterprise = NewEnterprise();
        enterprise.Certify("GR6", new DateOnly(2020, 6, 1), "新材料", Now);
        enterprise.RegisterTechSme(2024, "20243301000123", Now);
        enterprise.RecogniseRdCentre("新材料工程技术研究中心", RdCentreLevel.Municipal, new DateOnly(2021, 3, 1), Now);

        Assert.Throws<RuleViolationException>(() => enterprise.Certify("GR6", new DateOnly(2023, 6, 1), "新材料", Now));
        var sameYear = Assert.Throws<RuleViolationException>(() => enterprise.RegisterTechSme(2024, "20243301000999", Now));
        Assert.Contains("20243301000123", sameYear.Message, StringComparison.Ordinal);
        Assert.Throws<RuleViolationException>(() => enterprise.RecogniseRdCentre("新材料工程技术研究中心", RdCentreLevel.Municipal, new DateOnly(2022, 3, 1), Now));

        enterprise.RegisterTechSme(2025, "20253301000123", Now);
        enterprise.RecogniseRdCentre("新材料工程技术研究中心", RdCentreLevel.Provincial, new DateOnly(2023, 3, 1), Now);
        Assert.Equal((2, 2), (enterprise.TechSmeRegistrations.Count, enterprise.RdCentres.Count));
    }

    [Fact]
    public void Reporting_the_same_figures_again_changes_nothing_and_a_correction_replaces_them()
    {
        var enterprise = NewEnterprise();
        var later = Now.AddDays(1);

        Assert.True(enterprise.ReportAnnualFigures(2024, Figures, Now));
        Assert.False(enterprise.ReportAnnualFigures(2024, Figures with { }, later));
        Assert.Equal(Now, enterprise.UpdatedAt);
        Assert.True(enterprise.ReportAnnualFigures(2024, Figures with { RdExpenseWan = 61.5m }, later));

        var report = Assert.Single(enterprise.AnnualReports);
        Assert.Equal((61.5m, later), (report.RdExpenseWan, report.ReportedAt));
    }
}
