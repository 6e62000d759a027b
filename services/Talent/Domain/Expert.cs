using CountyTech.BureauRules;

namespace CountyTech.Talent.Domain;

/// <summary>A checked introduction of an expert: what <see cref="Expert.Introduce"/> needs.</summary>
public sealed record ExpertIntroduction(string Name, string Institution, string Field, DateOnly IntroducedOn, DateOnly AgreementEnd);

/// <summary>
/// An expert introduced flexibly (柔性引进专家): serving the county under an agreement without moving here. Its rule: the
/// agreement does not end before the introduction (<see cref="RuleViolationException"/>, 409).
/// </summary>
public sealed class Expert
{
    private Expert()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The expert's own university, institute or company (工作单位).</summary>
    public string Institution { get; private set; } = string.Empty;

    /// <summary>专业领域.</summary>
    public string Field { get; private set; } = string.Empty;

    public DateOnly IntroducedOn { get; private set; }

    /// <summary>Last day of the introduction agreement (协议到期日).</summary>
    public DateOnly AgreementEnd { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Expert Introduce(ExpertIntroduction introduction, DateTimeOffset now)
    {
        if (introduction.AgreementEnd < introduction.IntroducedOn)
        {
            throw new RuleViolationException(
                $"agreementEnd {introduction.AgreementEnd:yyyy-MM-dd} is before introducedOn {introduction.IntroducedOn:yyyy-MM-dd}: an agreement cannot end before it starts.");
        }

        return new Expert
        {
            Id = Guid.CreateVersion7(now),
            Name = introduction.Name,
            Institution = introduction.Institution,
            Field = introduction.Field,
            IntroducedOn = introduction.IntroducedOn,
            AgreementEnd = introduction.AgreementEnd,
            CreatedAt = now,
        };
    }
}
