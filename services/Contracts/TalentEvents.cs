// Integration events of the Talent service (人才). Immutable: a breaking change is a new event type. Each event carries
// what Reporting needs (township where the record has one, business dates, counts, areas), so Reporting never calls back;
// the commissioner's events each carry the dispatch date, so a departure or a service log read before its dispatch is
// still understood.
namespace CountyTech.Contracts.Talent;

/// <summary>An expert was introduced flexibly (柔性引进专家) under an agreement running to <see cref="AgreementEnd"/>.</summary>
public sealed record ExpertIntroduced(
    Guid ExpertId, string Name, string Institution, string Field, DateOnly IntroducedOn, DateOnly AgreementEnd);

/// <summary>A science and technology commissioner (科技特派员) was dispatched to a township and village by their unit.</summary>
public sealed record CommissionerDispatched(
    Guid CommissionerId, string Name, string Specialty, string Township, string Village, string DispatchingUnit,
    DateOnly DispatchedOn);

/// <summary>A commissioner logged service (服务记录): <see cref="Days"/> days up to <see cref="ServedOn"/>, farmers reached.</summary>
public sealed record CommissionerServiceLogged(
    Guid CommissionerId, Guid ServiceLogId, string Township, DateOnly DispatchedOn, DateOnly ServedOn, int Days,
    int FarmersServed);

/// <summary>A commissioner left the post (离岗); from <see cref="LeftOn"/> on they are no longer in post.</summary>
public sealed record CommissionerDeparted(
    Guid CommissionerId, string Township, DateOnly DispatchedOn, DateOnly LeftOn, string Reason);

/// <summary>A science and technology demonstration base (科技示范基地) was certified, with its area in 亩.</summary>
public sealed record DemonstrationBaseCertified(
    Guid BaseId, string Name, string Township, string Industry, decimal AreaMu, DateOnly CertifiedOn);

/// <summary>
/// A science and technology demonstration household (科技示范户) was certified; <see cref="CommissionerId"/> is the
/// commissioner who coached it, when there is one.
/// </summary>
public sealed record DemonstrationHouseholdCertified(
    Guid HouseholdId, string Name, string Township, DateOnly CertifiedOn, int HouseholdsReached, Guid? CommissionerId);

/// <summary>A training (科技培训) was held: its sessions (期) and participants in person-times (人次).</summary>
public sealed record TrainingHeld(
    Guid TrainingId, string Title, string Township, DateOnly HeldOn, int Sessions, int Participants);
