using CountyTech.Contracts.Enterprises;

namespace CountyTech.Enterprises.Domain;

/// <summary>An R&amp;D centre of an enterprise recognised at a level (企业研发机构: 工程技术研究中心, 企业技术中心…).</summary>
public sealed class RdCentre
{
    private RdCentre()
    {
    }

    internal RdCentre(string name, RdCentreLevel level, DateOnly recognisedOn)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Level = level;
        RecognisedOn = recognisedOn;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public RdCentreLevel Level { get; private set; }

    public DateOnly RecognisedOn { get; private set; }
}
