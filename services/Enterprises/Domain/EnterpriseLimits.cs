namespace CountyTech.Enterprises.Domain;

/// <summary>Lengths of the enterprise record's texts, checked on input and kept by the database columns.</summary>
public static class EnterpriseLimits
{
    public const int Name = 200;
    public const int Industry = 50;
    public const int Township = 50;

    /// <summary>Certificate and registration numbers (GR202333001234…).</summary>
    public const int Number = 50;

    public const int TechnologyField = 100;
    public const int Reason = 1000;
}
