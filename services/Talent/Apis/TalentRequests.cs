using CountyTech.BureauRules;
using CountyTech.Talent.Domain;
using CountyTech.Talent.Infrastructure;
using CountyTech.ServiceDefaults;

namespace CountyTech.Talent.Apis;

// Request bodies as API.md names them. Every field is nullable so that a missing one is reported per field (400)
// instead of failing the whole body; Validate turns a request into checked values or records errors. Dates of what has
// happened (an introduction, a dispatch, a training) may not lie after the bureau's today; an agreement's end may.

public sealed record IntroduceExpertRequest(string? Name, string? Institution, string? Field, DateOnly? IntroducedOn, DateOnly? AgreementEnd)
{
    internal ExpertIntroduction Validate(DateOnly today, ValidationErrors errors) => new(
        errors.Text(Name, "name"),
        errors.Text(Institution, "institution"),
        errors.Text(Field, "field"),
        BusinessDates.PastDate(IntroducedOn, "introducedOn", today, errors),
        BusinessDates.Date(AgreementEnd, "agreementEnd", errors));
}

public sealed record DispatchCommissionerRequest(
    string? Name, string? Specialty, string? Township, string? Village, string? DispatchingUnit, DateOnly? DispatchedOn)
{
    internal CommissionerAppointment Validate(DateOnly today, ValidationErrors errors) => new(
        errors.Text(Name, "name"),
        errors.Text(Specialty, "specialty"),
        errors.Text(Township, "township", TalentColumns.Place),
        errors.Text(Village, "village", TalentColumns.Place),
        errors.Text(DispatchingUnit, "dispatchingUnit"),
        BusinessDates.PastDate(DispatchedOn, "dispatchedOn", today, errors));
}

/// <summary>A service log: <c>days</c> of service in the year of <c>servedOn</c>, up to that date, at most a year's 366.</summary>
public sealed record LogServiceRequest(DateOnly? ServedOn, int? Days, int? FarmersServed)
{
    public const int MaxDays = 366;
}

public sealed record RecordDepartureRequest(DateOnly? LeftOn, string? Reason);

public sealed record CertifyDemonstrationBaseRequest(string? Name, string? Township, string? Industry, decimal? AreaMu, DateOnly? CertifiedOn)
{
    internal DemonstrationBaseCertification Validate(DateOnly today, ValidationErrors errors)
    {
        var name = errors.Text(Name, "name");
        var township = errors.Text(Township, "township", TalentColumns.Place);
        var industry = errors.Text(Industry, "industry");
        var areaMu = errors.Present(AreaMu, "areaMu");
        Amounts.Mu(AreaMu, "areaMu", errors);
        return new DemonstrationBaseCertification(name, township, industry, areaMu, BusinessDates.PastDate(CertifiedOn, "certifiedOn", today, errors));
    }
}

public sealed record CertifyDemonstrationHouseholdRequest(
    string? Name, string? Township, DateOnly? CertifiedOn, int? HouseholdsReached, [OptionalField] Guid? CommissionerId)
{
    internal DemonstrationHouseholdCertification Validate(DateOnly today, ValidationErrors errors) => new(
        errors.Text(Name, "name"),
        errors.Text(Township, "township", TalentColumns.Place),
        BusinessDates.PastDate(CertifiedOn, "certifiedOn", today, errors),
        Amounts.Count(HouseholdsReached, "householdsReached", errors),
        CommissionerId);
}

public sealed record RecordTrainingRequest(string? Title, string? Township, DateOnly? HeldOn, int? Sessions, int? Participants)
{
    internal TrainingRecord Validate(DateOnly today, ValidationErrors errors)
    {
        var title = errors.Text(Title, "title");
        var township = errors.Text(Township, "township", TalentColumns.Place);
        var heldOn = BusinessDates.PastDate(HeldOn, "heldOn", today, errors);
        var sessions = Amounts.Count(Sessions, "sessions", errors);
        errors.Require(Sessions is not 0, "sessions", "sessions must be at least 1: a training held has a session.");
        return new TrainingRecord(title, township, heldOn, sessions, Amounts.Count(Participants, "participants", errors));
    }
}
