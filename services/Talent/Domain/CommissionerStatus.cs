namespace CountyTech.Talent.Domain;

/// <summary>Where a commissioner stands today: 在岗 (in post) or 已离岗 (departed).</summary>
public enum CommissionerStatus
{
    InPost,
    Departed,
}
