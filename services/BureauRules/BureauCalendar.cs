namespace CountyTech.BureauRules;

/// <summary>The bureau's calendar: business dates are China Standard Time (UTC+8, no daylight saving).</summary>
public static class BureauCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
