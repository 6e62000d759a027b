namespace CountyTech.Talent.Domain;

/// <summary>A checked certification of a demonstration base: what <see cref="DemonstrationBase.Certify"/> needs.</summary>
public sealed record DemonstrationBaseCertification(string Name, string Township, string Industry, decimal AreaMu, DateOnly CertifiedOn);

/// <summary>
/// A science and technology demonstration base (科技示范基地) certified by the bureau, with its area in 亩. Its name is
/// unique within its township (a second certification of the same base is 409).
/// </summary>
public sealed class DemonstrationBase
{
    private DemonstrationBase()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>乡镇 where the base lies.</summary>
    public string Township { get; private set; } = string.Empty;

    /// <summary>The industry it demonstrates (产业: 茶叶, 柑橘…).</summary>
    public string Industry { get; private set; } = string.Empty;

    /// <summary>Area in 亩.</summary>
    public decimal AreaMu { get; private set; }

    public DateOnly CertifiedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static DemonstrationBase Certify(DemonstrationBaseCertification certification, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = certification.Name,
        Township = certification.Township,
        Industry = certification.Industry,
        AreaMu = certification.AreaMu,
        CertifiedOn = certification.CertifiedOn,
        CreatedAt = now,
    };
}
