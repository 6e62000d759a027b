using CountyTech.Contracts.Projects;

namespace CountyTech.Projects.Domain;

/// <summary>What a project brought to the county (项目成果): a new variety introduced or a technique promoted.</summary>
public sealed class ProjectOutcome
{
    private ProjectOutcome()
    {
    }

    internal ProjectOutcome(OutcomeKind kind, string name, DateOnly recordedOn, decimal? demoAreaMu)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Name = name;
        RecordedOn = recordedOn;
        DemoAreaMu = demoAreaMu;
    }

    public Guid Id { get; private set; }

    public OutcomeKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public DateOnly RecordedOn { get; private set; }

    /// <summary>Demonstration area in 亩, where the outcome was shown on the ground.</summary>
    public decimal? DemoAreaMu { get; private set; }
}
