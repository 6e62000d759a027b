namespace CountyTech.IntellectualProperty.Domain;

/// <summary>Where a patent stands (法律状态): 已申请 → 已授权 / 已驳回; a granted patent → 已失效.</summary>
public enum PatentStatus
{
    Filed,
    Granted,
    Rejected,
    Lapsed,
}
