// Integration events of the Enterprises service (创新主体). Immutable: a breaking change is a new event type.
// Each event carries the enterprise's credit code and township and the record's business dates and figures, so
// Reporting never calls back.
namespace CountyTech.Contracts.Enterprises;

/// <summary>Level of the body that recognised an enterprise R&amp;D centre (研发机构级别).</summary>
public enum RdCentreLevel { County, Municipal, Provincial, National }

/// <summary>Kind of partner in an industry–university–research cooperation (产学研合作单位): 高校 or 科研院所.</summary>
public enum PartnerKind { University, Institute }

/// <summary>An enterprise was registered with the bureau by its 统一社会信用代码.</summary>
public sealed record EnterpriseRegistered(
    Guid EnterpriseId, string CreditCode, string Name, string Industry, string Township, DateOnly RegisteredOn,
    bool AboveDesignatedSize);

/// <summary>
/// An enterprise was certified a high-tech enterprise (高新技术企业认定). The certificate counts from
/// <see cref="IssuedOn"/> up to the day before <see cref="ExpiresOn"/> (issuedOn + 3 years), unless revoked earlier.
/// </summary>
public sealed record HighTechEnterpriseCertified(
    Guid EnterpriseId, string CreditCode, string Township, string CertificateNo, string TechnologyField,
    DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>A high-tech enterprise certificate was revoked (取消高新技术企业资格); it no longer counts from <see cref="RevokedOn"/>.</summary>
public sealed record HighTechCertificateRevoked(
    Guid EnterpriseId, string CreditCode, string Township, string CertificateNo, DateOnly IssuedOn, DateOnly ExpiresOn,
    DateOnly RevokedOn, string Reason);

/// <summary>An enterprise was entered in the year's register of technology-based SMEs (科技型中小企业入库).</summary>
public sealed record TechSmeRegistered(
    Guid EnterpriseId, string CreditCode, string Township, int Year, string RegistrationNo);

/// <summary>An enterprise R&amp;D centre was recognised (企业研发机构认定).</summary>
public sealed record RdCentreRecognised(
    Guid EnterpriseId, Guid CentreId, string CreditCode, string Township, string Name, RdCentreLevel Level,
    DateOnly RecognisedOn);

/// <summary>An enterprise signed a cooperation agreement with a university or institute (产学研合作), amount in 万元 when agreed.</summary>
public sealed record CooperationSigned(
    Guid EnterpriseId, Guid CooperationId, string CreditCode, string Township, string Partner, PartnerKind PartnerKind,
    DateOnly SignedOn, decimal? AmountWan);

/// <summary>
/// An enterprise's figures of a year were reported or corrected (企业年报): the latest event for an enterprise and year
/// holds its figures. Amounts in 万元; <see cref="AboveDesignatedSize"/> is the enterprise's 规上 status when reported.
/// </summary>
public sealed record AnnualFiguresReported(
    Guid EnterpriseId, string CreditCode, string Township, bool AboveDesignatedSize, int Year, decimal RevenueWan,
    decimal RdExpenseWan, int Employees, int TechStaff, decimal HighTechRevenueWan);
