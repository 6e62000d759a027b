using CountyTech.Contracts.Enterprises;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// Two years of a county's innovation enterprises (year Y and Y-1) in one township, as the Enterprises service would
/// publish them, with edge dates (Jan 1st, Dec 31st, the next Jan 1st, a revocation on Dec 31st, an expiry inside Y, a
/// correction of a year's figures), and the six enterprise indicators they must give.
/// </summary>
public static class EnterpriseHistory
{
    /// <summary>code → value in Y, value in Y-1, change in %.</summary>
    public static readonly IReadOnlyDictionary<string, (decimal? Value, decimal? Previous, decimal? Yoy)> Indicators =
        new Dictionary<string, (decimal?, decimal?, decimal?)>
        {
            // Y: Σ rd (50 + 70) / Σ revenue (1000 + 3000) of 规上 reports = 3%; Y-1: 20 / 800 = 2.5%.
            ["enterprise_rd_intensity"] = (3m, 2.5m, 20m),
            // end(Y): A (re-certified in Y), C; end(Y-1): A (first certificate), B, D, E.
            ["high_tech_enterprises"] = (2m, 4m, -50m),
            // Y: A, C (twice); Y-1: B, E.
            ["high_tech_certified"] = (2m, 2m, 0m),
            // Y: A, B, C; Y-1: A.
            ["tech_smes"] = (3m, 1m, 200m),
            // end(Y): two of A, one of B; end(Y-1): one of A.
            ["rd_centres"] = (3m, 1m, 200m),
            // Y: Jan 1st and Dec 31st; Y-1: Dec 31st.
            ["cooperations"] = (2m, 1m, 100m),
        };

    public static IReadOnlyList<Delivery> Of(int year, string township)
    {
        var before = year - 1;
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid(), e = Guid.NewGuid();
        var no = $"GR{year}{township.GetHashCode():X8}";

        HighTechEnterpriseCertified Certified(Guid enterprise, string suffix, DateOnly issuedOn) =>
            new(enterprise, "91350100M000100Y43", township, no + suffix, "电子信息", issuedOn, issuedOn.AddYears(3));

        HighTechCertificateRevoked Revoked(HighTechEnterpriseCertified certified, DateOnly revokedOn) =>
            new(certified.EnterpriseId, certified.CreditCode, township, certified.CertificateNo, certified.IssuedOn, certified.ExpiresOn,
                revokedOn, "不再符合认定条件");

        AnnualFiguresReported Figures(Guid enterprise, int of, bool above, decimal revenue, decimal rd) =>
            new(enterprise, "91350100M000100Y43", township, above, of, revenue, rd, 100, 20, revenue / 2);

        var aFirst = Certified(a, "A1", new(year - 3, 6, 1));     // expires Y-06-01: at the end of Y-1, not of Y
        var aAgain = Certified(a, "A2", new(year, 5, 1));
        var bOnly = Certified(b, "B1", new(before, 12, 31));      // revoked on Dec 31st of Y
        var cFirst = Certified(c, "C1", new(year, 1, 1));
        var cSecond = Certified(c, "C2", new(year, 8, 1));
        var dOld = Certified(d, "D1", new(year - 2, 3, 1));      // revoked Dec 30th of Y
        var dNext = Certified(d, "D2", new(year + 1, 1, 1));
        var eOnly = Certified(e, "E1", new(before, 1, 1));       // revoked mid-Y

        object[] events =
        [
            new EnterpriseRegistered(a, "91350100M000100Y43", "甲电子科技有限公司", "电子信息", township, new(2010, 1, 1), true),
            aFirst,
            aAgain,
            bOnly,
            Revoked(bOnly, new(year, 12, 31)),
            cFirst,
            cSecond,
            dOld,
            Revoked(dOld, new(year, 12, 30)),
            dNext,
            eOnly,
            Revoked(eOnly, new(year, 6, 30)),

            new TechSmeRegistered(a, "91350100M000100Y43", township, before, $"{before}-A"),
            new TechSmeRegistered(a, "91350100M000100Y43", township, year, $"{year}-A"),
            new TechSmeRegistered(b, "91350100M000100Y43", township, year, $"{year}-B"),
            new TechSmeRegistered(c, "91350100M000100Y43", township, year, $"{year}-C"),
            new TechSmeRegistered(d, "91350100M000100Y43", township, year + 1, $"{year + 1}-D"),

            new RdCentreRecognised(a, Guid.NewGuid(), "91350100M000100Y43", township, "县工程技术研究中心", RdCentreLevel.County, new(before, 12, 31)),
            new RdCentreRecognised(a, Guid.NewGuid(), "91350100M000100Y43", township, "市企业技术中心", RdCentreLevel.Municipal, new(year, 6, 1)),
            new RdCentreRecognised(b, Guid.NewGuid(), "91350100M000100Y43", township, "县企业研发中心", RdCentreLevel.County, new(year, 1, 1)),
            new RdCentreRecognised(c, Guid.NewGuid(), "91350100M000100Y43", township, "省重点实验室", RdCentreLevel.Provincial, new(year + 1, 1, 1)),

            new CooperationSigned(a, Guid.NewGuid(), "91350100M000100Y43", township, "浙江大学", PartnerKind.University, new(before, 12, 31), 20m),
            new CooperationSigned(a, Guid.NewGuid(), "91350100M000100Y43", township, "省农业科学院", PartnerKind.Institute, new(year, 1, 1), null),
            new CooperationSigned(b, Guid.NewGuid(), "91350100M000100Y43", township, "中国科学院某研究所", PartnerKind.Institute, new(year, 12, 31), 0m),
            new CooperationSigned(c, Guid.NewGuid(), "91350100M000100Y43", township, "某大学", PartnerKind.University, new(year + 1, 1, 1), 5m),

            Figures(a, before, above: true, 800m, 20m),
            Figures(a, year, above: true, 1000m, 40m),
            Figures(a, year, above: true, 1000m, 50m),    // the correction, written later, wins
            Figures(b, year, above: true, 3000m, 70m),
            Figures(c, year, above: false, 500m, 100m),   // not 规上: left out
        ];

        // MessageIds as the outbox writes them, one millisecond apart in this order, so "written later" is well defined
        // (two UUIDv7 of the same millisecond are not ordered).
        var writtenFrom = DateTimeOffset.UtcNow.AddMinutes(-10);
        return [.. events.Select((e, i) => new Delivery(e, Guid.CreateVersion7(writtenFrom.AddMilliseconds(i))))];
    }
}
