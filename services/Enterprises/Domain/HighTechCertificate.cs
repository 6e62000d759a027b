using System.Linq.Expressions;
using CountyTech.BureauRules;

namespace CountyTech.Enterprises.Domain;

/// <summary>
/// A high-tech enterprise certificate (高新技术企业证书), valid for three years from <see cref="IssuedOn"/>
/// (高新技术企业认定管理办法 Art. 9): it counts on a day d when <c>IssuedOn ≤ d &lt; ExpiresOn</c> and it was not revoked
/// on or before d.
/// </summary>
public sealed class HighTechCertificate
{
    public const int ValidYears = 3;

    private HighTechCertificate()
    {
    }

    internal HighTechCertificate(string certificateNo, DateOnly issuedOn, string technologyField)
    {
        Id = Guid.CreateVersion7();
        CertificateNo = certificateNo;
        IssuedOn = issuedOn;
        ExpiresOn = issuedOn.AddYears(ValidYears);
        TechnologyField = technologyField;
    }

    public Guid Id { get; private set; }

    /// <summary>证书编号, unique in the county (GR…).</summary>
    public string CertificateNo { get; private set; } = string.Empty;

    public DateOnly IssuedOn { get; private set; }

    /// <summary>The first day the certificate no longer counts: <see cref="IssuedOn"/> + 3 years.</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>技术领域 of 国家重点支持的高新技术领域.</summary>
    public string TechnologyField { get; private set; } = string.Empty;

    public DateOnly? RevokedOn { get; private set; }

    public string? RevocationReason { get; private set; }

    /// <summary>Whether the certificate counts on <paramref name="date"/>, as a query filter.</summary>
    public static Expression<Func<HighTechCertificate, bool>> ValidOn(DateOnly date) =>
        c => c.IssuedOn <= date && date < c.ExpiresOn && (c.RevokedOn == null || c.RevokedOn > date);

    public bool IsValidOn(DateOnly date) => IssuedOn <= date && date < ExpiresOn && !(RevokedOn <= date);

    /// <summary>Its status on <paramref name="today"/>; a revocation, once recorded, is what the certificate shows.</summary>
    public CertificateStatus StatusOn(DateOnly today) =>
        RevokedOn is not null ? CertificateStatus.Revoked
        : today >= ExpiresOn ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    internal void Revoke(DateOnly revokedOn, string reason)
    {
        if (RevokedOn is { } earlier)
        {
            throw new RuleViolationException($"Certificate {CertificateNo} was already revoked on {earlier:yyyy-MM-dd}.");
        }

        if (revokedOn < IssuedOn)
        {
            throw new RuleViolationException(
                $"revokedOn {revokedOn:yyyy-MM-dd} is before certificate {CertificateNo} was issued on {IssuedOn:yyyy-MM-dd}.");
        }

        RevokedOn = revokedOn;
        RevocationReason = reason;
    }
}
