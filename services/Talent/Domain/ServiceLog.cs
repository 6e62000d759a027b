namespace CountyTech.Talent.Domain;

/// <summary>
/// A commissioner's service log (服务记录): <see cref="Days"/> days of service in the year of <see cref="ServedOn"/>,
/// up to that date, and the farmers reached.
/// </summary>
public sealed class ServiceLog
{
    private ServiceLog()
    {
    }

    internal ServiceLog(DateOnly servedOn, int days, int farmersServed)
    {
        Id = Guid.CreateVersion7();
        ServedOn = servedOn;
        Days = days;
        FarmersServed = farmersServed;
    }

    public Guid Id { get; private set; }

    public DateOnly ServedOn { get; private set; }

    public int Days { get; private set; }

    /// <summary>Farmers reached (服务农户数).</summary>
    public int FarmersServed { get; private set; }
}
