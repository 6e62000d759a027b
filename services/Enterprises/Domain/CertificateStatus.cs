namespace CountyTech.Enterprises.Domain;

/// <summary>Where a high-tech enterprise certificate stands on a day: 有效, 已过期 (three years passed) or 已撤销.</summary>
public enum CertificateStatus
{
    Valid,
    Expired,
    Revoked,
}
