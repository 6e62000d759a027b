using CountyTech.Contracts.Enterprises;
using CountyTech.Reporting.Infrastructure;

namespace CountyTech.Reporting.Areas.Enterprises;

/// <summary>An enterprise as registered with the bureau (创新主体登记), one row per enterprise.</summary>
public sealed class EnterpriseRegistration : IFact
{
    public required Guid EnterpriseId { get; init; }

    public required Guid MessageId { get; init; }

    public required string Industry { get; init; }

    public required string Township { get; init; }

    public required DateOnly RegisteredOn { get; init; }

    public required bool AboveDesignatedSize { get; init; }
}

/// <summary>
/// A high-tech enterprise certificate (高新技术企业证书), one row per certificate number, written by its certification
/// and by its revocation (which carries the issue and expiry too), so the row is the same in either order.
/// </summary>
public sealed class HighTechCertificate : IFact
{
    public required string CertificateNo { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid EnterpriseId { get; init; }

    public required string Township { get; init; }

    public required DateOnly IssuedOn { get; init; }

    /// <summary>The first day the certificate no longer counts: issuedOn + 3 years.</summary>
    public required DateOnly ExpiresOn { get; init; }

    public DateOnly? RevokedOn { get; init; }
}

/// <summary>A year's entry in the register of technology-based SMEs (科技型中小企业入库), one row per enterprise and year.</summary>
public sealed class TechSmeRegistration : IFact
{
    public required Guid EnterpriseId { get; init; }

    public required int Year { get; init; }

    public required Guid MessageId { get; init; }

    public required string Township { get; init; }

    public required string RegistrationNo { get; init; }
}

/// <summary>An enterprise R&amp;D centre recognised at a level (企业研发机构), one row per centre.</summary>
public sealed class RdCentre : IFact
{
    public required Guid CentreId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid EnterpriseId { get; init; }

    public required string Township { get; init; }

    public required RdCentreLevel Level { get; init; }

    public required DateOnly RecognisedOn { get; init; }
}

/// <summary>An industry–university–research cooperation agreement (产学研合作), one row per agreement.</summary>
public sealed class Cooperation : IFact
{
    public required Guid CooperationId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid EnterpriseId { get; init; }

    public required string Township { get; init; }

    public required PartnerKind PartnerKind { get; init; }

    public required DateOnly SignedOn { get; init; }

    public decimal? AmountWan { get; init; }
}

/// <summary>An enterprise's figures of a year (企业年报), one row per enterprise and year: the latest report wins.</summary>
public sealed class AnnualFigures : IFact
{
    public required Guid EnterpriseId { get; init; }

    public required int Year { get; init; }

    public required Guid MessageId { get; init; }

    public required string Township { get; init; }

    /// <summary>规上企业 when the figures were reported.</summary>
    public required bool AboveDesignatedSize { get; init; }

    public required decimal RevenueWan { get; init; }

    public required decimal RdExpenseWan { get; init; }

    public required int Employees { get; init; }

    public required int TechStaff { get; init; }

    public required decimal HighTechRevenueWan { get; init; }
}
