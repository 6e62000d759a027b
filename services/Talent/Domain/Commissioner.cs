using CountyTech.BureauRules;

namespace CountyTech.Talent.Domain;

/// <summary>A checked dispatch of a commissioner: what <see cref="Commissioner.Dispatch"/> needs.</summary>
public sealed record CommissionerAppointment(
    string Name, string Specialty, string Township, string Village, string DispatchingUnit, DateOnly DispatchedOn);

/// <summary>
/// A science and technology commissioner (科技特派员), dispatched by their unit to a township and village, logging service
/// until they leave. Their time in post runs from <see cref="DispatchedOn"/> to <see cref="LeftOn"/>, both days included
/// for service (the leaving day is the last day of work); from the end of the leaving day they are no longer in post.
/// Rules (<see cref="RuleViolationException"/>, 409): one departure, not before the dispatch nor before a day already
/// logged; service logs dated within the time in post. A log's <c>days</c> must fit the year it is dated in
/// (<see cref="FieldRuleViolationException"/>, 400): no more than the days in post that year up to its date, and all the
/// logs of a year together no more than the days in post that year up to the latest of them.
/// </summary>
public sealed class Commissioner
{
    private readonly List<ServiceLog> _serviceLogs = [];

    private Commissioner()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>专业特长.</summary>
    public string Specialty { get; private set; } = string.Empty;

    /// <summary>乡镇 served.</summary>
    public string Township { get; private set; } = string.Empty;

    /// <summary>村 served.</summary>
    public string Village { get; private set; } = string.Empty;

    /// <summary>The unit that dispatched them (派出单位).</summary>
    public string DispatchingUnit { get; private set; } = string.Empty;

    public DateOnly DispatchedOn { get; private set; }

    public CommissionerStatus Status { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public string? DepartureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ServiceLog> ServiceLogs => _serviceLogs;

    public static Commissioner Dispatch(CommissionerAppointment appointment, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = appointment.Name,
        Specialty = appointment.Specialty,
        Township = appointment.Township,
        Village = appointment.Village,
        DispatchingUnit = appointment.DispatchingUnit,
        DispatchedOn = appointment.DispatchedOn,
        Status = CommissionerStatus.InPost,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public ServiceLog LogService(DateOnly servedOn, int days, int farmersServed, DateTimeOffset now)
    {
        if (servedOn < DispatchedOn)
        {
            throw new RuleViolationException(
                $"servedOn {servedOn:yyyy-MM-dd} is before the dispatch on {DispatchedOn:yyyy-MM-dd}: service is logged within the commissioner's time in post.");
        }

        if (servedOn > LeftOn)
        {
            throw new RuleViolationException(
                $"servedOn {servedOn:yyyy-MM-dd} is after the departure on {LeftOn:yyyy-MM-dd}: service is logged within the commissioner's time in post.");
        }

        var inPostToDate = DaysInPostInYearUpTo(servedOn);
        if (days > inPostToDate)
        {
            throw new FieldRuleViolationException("days",
                $"days {days} is more than the {inPostToDate} days in post from {StartInYear(servedOn.Year):yyyy-MM-dd} to servedOn {servedOn:yyyy-MM-dd}.");
        }

        var year = servedOn.Year;
        var logsOfYear = _serviceLogs.Where(l => l.ServedOn.Year == year).ToList();
        var latest = logsOfYear.Select(l => l.ServedOn).Append(servedOn).Max();
        var inPostInYear = DaysInPostInYearUpTo(latest);
        var total = logsOfYear.Sum(l => l.Days) + days;
        if (total > inPostInYear)
        {
            throw new FieldRuleViolationException("days",
                $"days {days} would bring the days served in {year} to {total}, more than the {inPostInYear} days in post from {StartInYear(year):yyyy-MM-dd} to {latest:yyyy-MM-dd}.");
        }

        var log = new ServiceLog(servedOn, days, farmersServed);
        _serviceLogs.Add(log);
        UpdatedAt = now;
        return log;
    }

    public void Depart(DateOnly leftOn, string reason, DateTimeOffset now)
    {
        if (Status == CommissionerStatus.Departed)
        {
            throw new RuleViolationException($"The commissioner already left on {LeftOn:yyyy-MM-dd}; a departure is recorded once.");
        }

        if (leftOn < DispatchedOn)
        {
            throw new RuleViolationException(
                $"leftOn {leftOn:yyyy-MM-dd} is before the dispatch on {DispatchedOn:yyyy-MM-dd}: a departure cannot precede the dispatch.");
        }

        var lastServed = _serviceLogs.Count == 0 ? (DateOnly?)null : _serviceLogs.Max(l => l.ServedOn);
        if (leftOn < lastServed)
        {
            throw new RuleViolationException(
                $"leftOn {leftOn:yyyy-MM-dd} is before the service logged on {lastServed:yyyy-MM-dd}: the time in post covers every service log.");
        }

        Status = CommissionerStatus.Departed;
        LeftOn = leftOn;
        DepartureReason = reason;
        UpdatedAt = now;
    }

    /// <summary>Days of service logged in <paramref name="year"/> (本年服务天数 for the current year).</summary>
    public int DaysServedIn(int year) => _serviceLogs.Where(l => l.ServedOn.Year == year).Sum(l => l.Days);

    /// <summary>The first day in post in <paramref name="year"/>: the dispatch, or 01-01 for a commissioner dispatched before.</summary>
    private DateOnly StartInYear(int year) => DispatchedOn.Year == year ? DispatchedOn : new DateOnly(year, 1, 1);

    /// <summary>Days in post in the year of <paramref name="day"/> from its first day in post up to <paramref name="day"/>, inclusive.</summary>
    private int DaysInPostInYearUpTo(DateOnly day) => day.DayNumber - StartInYear(day.Year).DayNumber + 1;
}
