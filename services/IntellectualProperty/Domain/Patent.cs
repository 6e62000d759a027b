using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;

namespace CountyTech.IntellectualProperty.Domain;

/// <summary>
/// A patent (专利) from its application to its grant, rejection or lapse. Its rules: only a filed application is
/// granted or rejected, never before its filing date; only a granted patent lapses, never before its grant date. A
/// broken rule is a <see cref="RuleViolationException"/> (409).
/// </summary>
public sealed class Patent
{
    private Patent()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>专利申请号, <c>YYYYTNNNNNNN.C</c>; unique.</summary>
    public string ApplicationNo { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public PatentType Type { get; private set; }

    /// <summary>申请人 (the patentee once granted).</summary>
    public string ApplicantName { get; private set; } = string.Empty;

    /// <summary>The applicant's 统一社会信用代码 when the applicant is an organisation.</summary>
    public string? ApplicantCreditCode { get; private set; }

    /// <summary>乡镇 of the applicant.</summary>
    public string Township { get; private set; } = string.Empty;

    public PatentStatus Status { get; private set; }

    public DateOnly FiledOn { get; private set; }

    public DateOnly? GrantedOn { get; private set; }

    public DateOnly? RejectedOn { get; private set; }

    public DateOnly? LapsedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Patent File(PatentApplication application, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationNo = application.ApplicationNo,
        Title = application.Title,
        Type = application.Type,
        ApplicantName = application.ApplicantName,
        ApplicantCreditCode = application.ApplicantCreditCode,
        Township = application.Township,
        Status = PatentStatus.Filed,
        FiledOn = application.FiledOn,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Grant(DateOnly grantedOn, DateTimeOffset now)
    {
        if (Status is PatentStatus.Granted or PatentStatus.Lapsed)
        {
            throw new RuleViolationException($"Patent {ApplicationNo} was already granted on {GrantedOn:yyyy-MM-dd}.");
        }

        RequireFiled("granted");
        RequireNotBeforeFiling(grantedOn, "grantedOn");
        Status = PatentStatus.Granted;
        GrantedOn = grantedOn;
        UpdatedAt = now;
    }

    public void Reject(DateOnly rejectedOn, DateTimeOffset now)
    {
        RequireFiled("rejected");
        RequireNotBeforeFiling(rejectedOn, "rejectedOn");
        Status = PatentStatus.Rejected;
        RejectedOn = rejectedOn;
        UpdatedAt = now;
    }

    public void Lapse(DateOnly lapsedOn, DateTimeOffset now)
    {
        if (Status != PatentStatus.Granted)
        {
            throw new RuleViolationException(Status == PatentStatus.Lapsed
                ? $"Patent {ApplicationNo} already lapsed on {LapsedOn:yyyy-MM-dd}."
                : $"Only a granted patent can lapse; patent {ApplicationNo} was never granted (it is {ApiEnum.Name(Status)}).");
        }

        if (lapsedOn < GrantedOn)
        {
            throw new RuleViolationException($"lapsedOn {lapsedOn:yyyy-MM-dd} is before the grant on {GrantedOn:yyyy-MM-dd}.");
        }

        Status = PatentStatus.Lapsed;
        LapsedOn = lapsedOn;
        UpdatedAt = now;
    }

    private void RequireFiled(string action)
    {
        if (Status != PatentStatus.Filed)
        {
            throw new RuleViolationException(
                $"Only a filed application can be {action}; patent {ApplicationNo} is {ApiEnum.Name(Status)}.");
        }
    }

    private void RequireNotBeforeFiling(DateOnly date, string field)
    {
        if (date < FiledOn)
        {
            throw new RuleViolationException($"{field} {date:yyyy-MM-dd} is before the filing on {FiledOn:yyyy-MM-dd}.");
        }
    }
}
