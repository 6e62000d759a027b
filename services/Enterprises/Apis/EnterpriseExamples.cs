using CountyTech.BureauRules;
using CountyTech.Contracts.Enterprises;
using CountyTech.Enterprises.Domain;

namespace CountyTech.Enterprises.Apis;

/// <summary>
/// The examples of the Enterprises document (示例), all in one place: a county tea-processing company with a high-tech
/// certificate, a tech-SME registration, a municipal R&amp;D centre, a cooperation with a university and three years of
/// figures, assessed for 2025.
/// </summary>
internal static class EnterpriseExamples
{
    private static readonly Guid EnterpriseId = Guid.Parse("0193b1d0-2a4c-7e61-8d3f-6a7b8c9d0e1f");
    private const string CreditCode = "91510822MA6B7Q3K2H";
    private const string Name = "青川县七佛贡茶有限责任公司";
    private const string Industry = "农副产品加工";
    private const string Township = "木鱼镇";
    private static readonly DateOnly RegisteredOn = new(2016, 4, 18);
    private static readonly DateTimeOffset Registered = new(2024, 3, 5, 8, 40, 0, TimeSpan.Zero);

    private static readonly CertificateResponse Certificate = new(
        "GR202451002317", "生物与新医药", new DateOnly(2024, 12, 11), new DateOnly(2027, 12, 11), CertificateStatus.Valid,
        null, null);

    private static readonly TechSmeRegistrationResponse TechSme = new(2025, "202551082200012");

    private static readonly RdCentreResponse RdCentre =
        new(Guid.Parse("0193b1d0-3b5d-7f72-9e40-7b8c9d0e1f20"), "广元市茶叶精深加工工程技术研究中心", RdCentreLevel.Municipal, new DateOnly(2023, 9, 26));

    private static readonly CooperationResponse Cooperation = new(
        Guid.Parse("0193b1d0-4c6e-7083-af51-8c9d0e1f2031"), "四川农业大学", PartnerKind.University, new DateOnly(2025, 3, 18), 40m);

    private static readonly Dictionary<int, AnnualFigures> Figures = new()
    {
        [2023] = new AnnualFigures(6120m, 305m, 168, 26, 3850m),
        [2024] = new AnnualFigures(7340m, 362.5m, 175, 29, 4630m),
        [2025] = new AnnualFigures(8600m, 398m, 186, 32, 5420m),
    };

    private static readonly ReportAnnualFiguresRequest FiguresRequest = new(8600m, 398m, 186, 32, 5420m);

    private static readonly EnterpriseResponse Enterprise = new(
        EnterpriseId, CreditCode, Name, Industry, Township, RegisteredOn, true, true, [Certificate], [TechSme], [RdCentre], [Cooperation],
        Figures.Select(f => new AnnualReportResponse(
            f.Key, f.Value.RevenueWan, f.Value.RdExpenseWan, f.Value.Employees, f.Value.TechStaff, f.Value.HighTechRevenueWan,
            new DateTimeOffset(f.Key + 1, 3, 20, 2, 15, 0, TimeSpan.Zero))).ToList(),
        Registered, new DateTimeOffset(2026, 3, 20, 2, 15, 0, TimeSpan.Zero));

    private static readonly EligibilityAssessment Assessment = HighTechEligibility.Assess(2025, RegisteredOn, Figures, patentsInForce: 3);

    private static readonly EnterpriseSummary Summary = new(EnterpriseId, CreditCode, Name, Industry, Township, RegisteredOn, true, true);

    private static readonly CertificateSummary CertificateSummary = new(
        Certificate.CertificateNo, EnterpriseId, CreditCode, Name, Township, Certificate.TechnologyField, Certificate.IssuedOn,
        Certificate.ExpiresOn, Certificate.Status, null);

    public static readonly IReadOnlyDictionary<Type, object> All = new Dictionary<Type, object>
    {
        [typeof(RegisterEnterpriseRequest)] = new RegisterEnterpriseRequest(CreditCode, Name, Industry, Township, RegisteredOn, true),
        [typeof(CertifyEnterpriseRequest)] = new CertifyEnterpriseRequest(Certificate.CertificateNo, Certificate.IssuedOn, Certificate.TechnologyField),
        [typeof(RevokeCertificateRequest)] = new RevokeCertificateRequest(new DateOnly(2026, 6, 30), "经复核，研发费用归集不符合认定条件"),
        [typeof(RegisterTechSmeRequest)] = new RegisterTechSmeRequest(TechSme.Year, TechSme.RegistrationNo),
        [typeof(RecogniseRdCentreRequest)] = new RecogniseRdCentreRequest(RdCentre.Name, RdCentre.Level, RdCentre.RecognisedOn),
        [typeof(SignCooperationRequest)] = new SignCooperationRequest(Cooperation.Partner, Cooperation.PartnerKind, Cooperation.SignedOn, Cooperation.AmountWan),
        [typeof(ReportAnnualFiguresRequest)] = FiguresRequest,
        [typeof(EnterpriseResponse)] = Enterprise,
        [typeof(CertificateResponse)] = Certificate,
        [typeof(TechSmeRegistrationResponse)] = TechSme,
        [typeof(RdCentreResponse)] = RdCentre,
        [typeof(CooperationResponse)] = Cooperation,
        [typeof(AnnualReportResponse)] = Enterprise.AnnualReports[^1],
        [typeof(AnnualReportImportResponse)] = new AnnualReportImportResponse(2025, 41, 7),
        [typeof(HighTechEligibilityResponse)] = new HighTechEligibilityResponse(
            EnterpriseId, CreditCode, Assessment.Year, Assessment.Eligible, Assessment.Criteria),
        [typeof(CriterionAssessment)] = Assessment.Criteria[0],
        [typeof(EnterpriseSummary)] = Summary,
        [typeof(PagedList<EnterpriseSummary>)] = new PagedList<EnterpriseSummary>([Summary], 1, 50, 1),
        [typeof(CertificateSummary)] = CertificateSummary,
        [typeof(PagedList<CertificateSummary>)] = new PagedList<CertificateSummary>([CertificateSummary], 1, 50, 1),
    };
}
