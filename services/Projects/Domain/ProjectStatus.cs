namespace CountyTech.Projects.Domain;

/// <summary>Where a project stands: 已申报 → 已立项 / 未立项 → 已验收 / 验收不通过.</summary>
public enum ProjectStatus
{
    Submitted,
    Approved,
    Rejected,
    Accepted,
    FailedAcceptance,
}
