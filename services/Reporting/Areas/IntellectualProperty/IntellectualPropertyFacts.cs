using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Reporting.Infrastructure;

namespace CountyTech.Reporting.Areas.IntellectualProperty;

/// <summary>A patent application as filed (专利申请), one row per patent.</summary>
public sealed class PatentFiling : IFact
{
    public required Guid PatentId { get; init; }

    public required Guid MessageId { get; init; }

    public required PatentType Type { get; init; }

    public required string Township { get; init; }

    public required DateOnly FiledOn { get; init; }
}

/// <summary>A patent granted (专利授权), one row per patent.</summary>
public sealed class PatentGrant : IFact
{
    public required Guid PatentId { get; init; }

    public required Guid MessageId { get; init; }

    public required PatentType Type { get; init; }

    public required string Township { get; init; }

    public required DateOnly GrantedOn { get; init; }
}

/// <summary>A patent application rejected (驳回), one row per patent.</summary>
public sealed class PatentRejection : IFact
{
    public required Guid PatentId { get; init; }

    public required Guid MessageId { get; init; }

    public required PatentType Type { get; init; }

    public required string Township { get; init; }

    public required DateOnly RejectedOn { get; init; }
}

/// <summary>
/// A granted patent that lapsed (专利失效), one row per patent, with its grant date from the event: it was in force
/// from <see cref="GrantedOn"/> until <see cref="LapsedOn"/>, whether or not its grant has arrived yet.
/// </summary>
public sealed class PatentLapse : IFact
{
    public required Guid PatentId { get; init; }

    public required Guid MessageId { get; init; }

    public required PatentType Type { get; init; }

    public required string Township { get; init; }

    public required DateOnly GrantedOn { get; init; }

    public required DateOnly LapsedOn { get; init; }
}

/// <summary>A registered technology contract (技术合同登记) with its turnover in 万元, one row per contract.</summary>
public sealed class TechnologyContractRegistration : IFact
{
    public required Guid ContractId { get; init; }

    public required Guid MessageId { get; init; }

    public required TechnologyContractType Type { get; init; }

    public required DateOnly SignedOn { get; init; }

    public required decimal AmountWan { get; init; }
}

/// <summary>A registered S&amp;T achievement (科技成果登记), one row per achievement.</summary>
public sealed class AchievementRegistration : IFact
{
    public required Guid AchievementId { get; init; }

    public required Guid MessageId { get; init; }

    public required AchievementType Type { get; init; }

    public required DateOnly RegisteredOn { get; init; }
}
