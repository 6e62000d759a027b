using CountyTech.Reporting.Infrastructure;

namespace CountyTech.Reporting.Areas.Talent;

/// <summary>An expert introduced flexibly (柔性引进专家), one row per expert. Experts are recorded without a township.</summary>
public sealed class ExpertIntroduction : IFact
{
    public required Guid ExpertId { get; init; }

    public required Guid MessageId { get; init; }

    public required DateOnly IntroducedOn { get; init; }

    public required DateOnly AgreementEnd { get; init; }
}

/// <summary>
/// A commissioner dispatched (选派科技特派员), one row per commissioner. Written by the dispatch and by the departure,
/// which both carry the township and the dispatch date, so the row is there whichever of them arrives first, with the
/// same content.
/// </summary>
public sealed class CommissionerDispatch : IFact
{
    public required Guid CommissionerId { get; init; }

    public required Guid MessageId { get; init; }

    public required string Township { get; init; }

    public required DateOnly DispatchedOn { get; init; }
}

/// <summary>A commissioner's departure (离岗), one row per commissioner: from <see cref="LeftOn"/> on no longer in post.</summary>
public sealed class CommissionerDeparture : IFact
{
    public required Guid CommissionerId { get; init; }

    public required Guid MessageId { get; init; }

    public required string Township { get; init; }

    public required DateOnly LeftOn { get; init; }
}

/// <summary>A commissioner's service log (服务记录): days served up to a date and farmers reached, one row per log.</summary>
public sealed class CommissionerServiceLog : IFact
{
    public required Guid ServiceLogId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid CommissionerId { get; init; }

    public required string Township { get; init; }

    public required DateOnly ServedOn { get; init; }

    public required int Days { get; init; }

    public required int FarmersServed { get; init; }
}

/// <summary>A demonstration base certified (科技示范基地认定), one row per base, with its area in 亩.</summary>
public sealed class DemonstrationBaseCertification : IFact
{
    public required Guid BaseId { get; init; }

    public required Guid MessageId { get; init; }

    public required string Township { get; init; }

    public required string Industry { get; init; }

    public required decimal AreaMu { get; init; }

    public required DateOnly CertifiedOn { get; init; }
}

/// <summary>A demonstration household certified (科技示范户认定), one row per household.</summary>
public sealed class DemonstrationHouseholdCertification : IFact
{
    public required Guid HouseholdId { get; init; }

    public required Guid MessageId { get; init; }

    public required string Township { get; init; }

    public required DateOnly CertifiedOn { get; init; }

    public required int HouseholdsReached { get; init; }

    public Guid? CommissionerId { get; init; }
}

/// <summary>A training held (科技培训), one row per training: its sessions (期) and participants (人次).</summary>
public sealed class Training : IFact
{
    public required Guid TrainingId { get; init; }

    public required Guid MessageId { get; init; }

    public required string Township { get; init; }

    public required DateOnly HeldOn { get; init; }

    public required int Sessions { get; init; }

    public required int Participants { get; init; }
}
