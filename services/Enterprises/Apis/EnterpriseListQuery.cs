using CountyTech.BureauRules;
using CountyTech.Enterprises.Domain;

namespace CountyTech.Enterprises.Apis;

/// <summary>
/// Filters of <c>GET /api/v1/enterprises</c>: <c>township</c>, <c>industry</c>, <c>aboveDesignatedSize</c>,
/// <c>year</c> (of registration), <c>highTech</c> (holds a valid high-tech certificate today).
/// </summary>
public sealed record EnterpriseListQuery(
    int? Page, int? PageSize, int? Year, string? Township, string? Industry, string? AboveDesignatedSize, string? HighTech)
{
    internal IQueryable<Enterprise> Apply(IQueryable<Enterprise> enterprises, DateOnly today, ValidationErrors errors)
    {
        var aboveDesignatedSize = Flag(AboveDesignatedSize, "aboveDesignatedSize", errors);
        var highTech = Flag(HighTech, "highTech", errors);
        errors.Require(Year is null || BusinessDates.IsYear(Year.Value), "year",
            $"year must be a year from {BusinessDates.FirstYear} to {BusinessDates.LastYear}.");

        if (Year is { } year && BusinessDates.IsYear(year))
        {
            var (first, last) = BusinessDates.YearSpan(year);
            enterprises = enterprises.Where(e => e.RegisteredOn >= first && e.RegisteredOn <= last);
        }

        if (!string.IsNullOrWhiteSpace(Township))
        {
            enterprises = enterprises.Where(e => e.Township == Township.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Industry))
        {
            enterprises = enterprises.Where(e => e.Industry == Industry.Trim());
        }

        if (aboveDesignatedSize is { } above)
        {
            enterprises = enterprises.Where(e => e.AboveDesignatedSize == above);
        }

        if (highTech is { } holds)
        {
            var valid = HighTechCertificate.ValidOn(today);
            enterprises = enterprises.Where(e => e.Certificates.AsQueryable().Any(valid) == holds);
        }

        return enterprises;
    }

    /// <summary>A yes/no filter: <c>true</c> or <c>false</c>, null when absent; anything else is a per-field error.</summary>
    private static bool? Flag(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add(field, $"{field} must be true or false.");
        return null;
    }
}

/// <summary>
/// Filters of <c>GET /api/v1/enterprises/high-tech-certificates</c>: <c>year</c> (of issue), <c>township</c>,
/// <c>status</c> (<c>valid</c>, <c>expired</c> or <c>revoked</c> today).
/// </summary>
public sealed record CertificateListQuery(int? Page, int? PageSize, int? Year, string? Township, string? Status)
{
    internal IQueryable<EnterpriseCertificate> Apply(IQueryable<EnterpriseCertificate> certificates, DateOnly today, ValidationErrors errors)
    {
        var status = ApiEnum.Parse<CertificateStatus>(Status, "status", errors);
        errors.Require(Year is null || BusinessDates.IsYear(Year.Value), "year",
            $"year must be a year from {BusinessDates.FirstYear} to {BusinessDates.LastYear}.");

        if (Year is { } year && BusinessDates.IsYear(year))
        {
            var (first, last) = BusinessDates.YearSpan(year);
            certificates = certificates.Where(c => c.Certificate.IssuedOn >= first && c.Certificate.IssuedOn <= last);
        }

        if (!string.IsNullOrWhiteSpace(Township))
        {
            certificates = certificates.Where(c => c.Enterprise.Township == Township.Trim());
        }

        return status switch
        {
            CertificateStatus.Revoked => certificates.Where(c => c.Certificate.RevokedOn != null),
            CertificateStatus.Expired => certificates.Where(c => c.Certificate.RevokedOn == null && c.Certificate.ExpiresOn <= today),
            CertificateStatus.Valid => certificates.Where(c => c.Certificate.RevokedOn == null && c.Certificate.ExpiresOn > today),
            _ => certificates,
        };
    }
}

/// <summary>
/// A certificate with the enterprise that holds it, as the certificate list queries them (set by member initialisation,
/// which EF Core can filter through).
/// </summary>
internal sealed class EnterpriseCertificate
{
    public required Enterprise Enterprise { get; init; }

    public required HighTechCertificate Certificate { get; init; }
}
