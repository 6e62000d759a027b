namespace CountyTech.Talent.Domain;

/// <summary>A checked certification of a demonstration household: what <see cref="DemonstrationHousehold.Certify"/> needs.</summary>
public sealed record DemonstrationHouseholdCertification(
    string Name, string Township, DateOnly CertifiedOn, int HouseholdsReached, Guid? CommissionerId);

/// <summary>
/// A science and technology demonstration household (科技示范户): a farming household that shows its neighbours a
/// technique, possibly coached by a commissioner (<see cref="CommissionerId"/>, which must exist).
/// </summary>
public sealed class DemonstrationHousehold
{
    private DemonstrationHousehold()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The household, by its head's name (户主).</summary>
    public string Name { get; private set; } = string.Empty;

    public string Township { get; private set; } = string.Empty;

    public DateOnly CertifiedOn { get; private set; }

    /// <summary>Neighbouring households it reaches (辐射带动户数).</summary>
    public int HouseholdsReached { get; private set; }

    /// <summary>The commissioner who coached it (结对科技特派员), if any.</summary>
    public Guid? CommissionerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static DemonstrationHousehold Certify(DemonstrationHouseholdCertification certification, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = certification.Name,
        Township = certification.Township,
        CertifiedOn = certification.CertifiedOn,
        HouseholdsReached = certification.HouseholdsReached,
        CommissionerId = certification.CommissionerId,
        CreatedAt = now,
    };
}
