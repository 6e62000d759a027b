using CountyTech.BureauRules;
using CountyTech.Contracts.Enterprises;
using CountyTech.Enterprises.Domain;
using MiniExcelLibs.Attributes;

namespace CountyTech.Enterprises.Apis;

/// <summary>
/// An enterprise as <c>GET /api/v1/enterprises/{id}</c> shows it, with its whole innovation record. <see cref="HighTech"/>
/// and each certificate's status are as of today.
/// </summary>
public sealed record EnterpriseResponse(
    Guid Id, string CreditCode, string Name, string Industry, string Township, DateOnly RegisteredOn, bool AboveDesignatedSize,
    bool HighTech, IReadOnlyList<CertificateResponse> HighTechCertificates, IReadOnlyList<TechSmeRegistrationResponse> TechSmeRegistrations,
    IReadOnlyList<RdCentreResponse> RdCentres, IReadOnlyList<CooperationResponse> Cooperations,
    IReadOnlyList<AnnualReportResponse> AnnualReports, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static EnterpriseResponse From(Enterprise e, DateOnly today) => new(
        e.Id, e.CreditCode, e.Name, e.Industry, e.Township, e.RegisteredOn, e.AboveDesignatedSize,
        e.Certificates.Any(c => c.IsValidOn(today)),
        e.Certificates.OrderBy(c => c.IssuedOn).ThenBy(c => c.CertificateNo, StringComparer.Ordinal)
            .Select(c => new CertificateResponse(c.CertificateNo, c.TechnologyField, c.IssuedOn, c.ExpiresOn, c.StatusOn(today), c.RevokedOn, c.RevocationReason))
            .ToList(),
        e.TechSmeRegistrations.OrderBy(r => r.Year).Select(r => new TechSmeRegistrationResponse(r.Year, r.RegistrationNo)).ToList(),
        e.RdCentres.OrderBy(c => c.RecognisedOn).ThenBy(c => c.Id).Select(c => new RdCentreResponse(c.Id, c.Name, c.Level, c.RecognisedOn)).ToList(),
        e.Cooperations.OrderBy(c => c.SignedOn).ThenBy(c => c.Id)
            .Select(c => new CooperationResponse(c.Id, c.Partner, c.PartnerKind, c.SignedOn, c.AmountWan)).ToList(),
        e.AnnualReports.OrderBy(r => r.Year)
            .Select(r => new AnnualReportResponse(r.Year, r.RevenueWan, r.RdExpenseWan, r.Employees, r.TechStaff, r.HighTechRevenueWan, r.ReportedAt))
            .ToList(),
        e.CreatedAt, e.UpdatedAt);
}

/// <summary>A high-tech enterprise certificate; it counts from <c>issuedOn</c> up to the day before <c>expiresOn</c>.</summary>
public sealed record CertificateResponse(
    string CertificateNo, string TechnologyField, DateOnly IssuedOn, DateOnly ExpiresOn, CertificateStatus Status,
    DateOnly? RevokedOn, string? RevocationReason);

public sealed record TechSmeRegistrationResponse(int Year, string RegistrationNo);

public sealed record RdCentreResponse(Guid Id, string Name, RdCentreLevel Level, DateOnly RecognisedOn);

public sealed record CooperationResponse(Guid Id, string Partner, PartnerKind PartnerKind, DateOnly SignedOn, decimal? AmountWan);

public sealed record AnnualReportResponse(
    int Year, decimal RevenueWan, decimal RdExpenseWan, int Employees, int TechStaff, decimal HighTechRevenueWan, DateTimeOffset ReportedAt);

/// <summary>The answer of the spreadsheet import: rows whose figures were new or changed, and rows already as reported.</summary>
public sealed record AnnualReportImportResponse(int Year, int Applied, int Unchanged);

/// <summary>An enterprise's standing against 高新技术企业认定管理办法 Art. 11 for <see cref="Year"/>.</summary>
public sealed record HighTechEligibilityResponse(
    Guid EnterpriseId, string CreditCode, int Year, bool Eligible, IReadOnlyList<CriterionAssessment> Criteria);

/// <summary>An enterprise in a list; <see cref="HighTech"/>: it holds a valid high-tech certificate today.</summary>
public sealed record EnterpriseSummary(
    Guid Id, string CreditCode, string Name, string Industry, string Township, DateOnly RegisteredOn, bool AboveDesignatedSize,
    bool HighTech);

/// <summary>An enterprise as a row of the list's .xlsx download (创新主体名录).</summary>
public sealed record EnterpriseSpreadsheetRow(
    [property: ExcelColumnName("统一社会信用代码")] string CreditCode,
    [property: ExcelColumnName("企业名称")] string Name,
    [property: ExcelColumnName("行业")] string Industry,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("成立日期")] DateTime RegisteredOn,
    [property: ExcelColumnName("规上企业")] string AboveDesignatedSize,
    [property: ExcelColumnName("有效高新技术企业")] string HighTech,
    [property: ExcelColumnName("企业编号")] Guid Id)
{
    public static EnterpriseSpreadsheetRow From(EnterpriseSummary e) => new(
        e.CreditCode, e.Name, e.Industry, e.Township, e.RegisteredOn.ToDateTime(TimeOnly.MinValue), YesNo(e.AboveDesignatedSize),
        YesNo(e.HighTech), e.Id);

    private static string YesNo(bool value) => value ? "是" : "否";
}

/// <summary>A high-tech enterprise certificate in a list, with its enterprise; status as of today.</summary>
public sealed record CertificateSummary(
    string CertificateNo, Guid EnterpriseId, string CreditCode, string EnterpriseName, string Township, string TechnologyField,
    DateOnly IssuedOn, DateOnly ExpiresOn, CertificateStatus Status, DateOnly? RevokedOn);

/// <summary>A certificate as a row of the list's .xlsx download (高新技术企业证书清单).</summary>
public sealed record CertificateSpreadsheetRow(
    [property: ExcelColumnName("证书编号")] string CertificateNo,
    [property: ExcelColumnName("企业名称")] string EnterpriseName,
    [property: ExcelColumnName("统一社会信用代码")] string CreditCode,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("技术领域")] string TechnologyField,
    [property: ExcelColumnName("发证日期")] DateTime IssuedOn,
    [property: ExcelColumnName("到期日期")] DateTime ExpiresOn,
    [property: ExcelColumnName("状态")] string Status,
    [property: ExcelColumnName("撤销日期")] DateTime? RevokedOn,
    [property: ExcelColumnName("企业编号")] Guid EnterpriseId)
{
    public static CertificateSpreadsheetRow From(CertificateSummary c) => new(
        c.CertificateNo, c.EnterpriseName, c.CreditCode, c.Township, c.TechnologyField, c.IssuedOn.ToDateTime(TimeOnly.MinValue),
        c.ExpiresOn.ToDateTime(TimeOnly.MinValue), ApiEnum.Name(c.Status), c.RevokedOn?.ToDateTime(TimeOnly.MinValue), c.EnterpriseId);
}
