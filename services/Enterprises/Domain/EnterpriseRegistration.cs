namespace CountyTech.Enterprises.Domain;

/// <summary>A checked registration of an enterprise (创新主体登记): what <see cref="Enterprise.Register"/> needs.</summary>
public sealed record EnterpriseRegistration(
    string CreditCode, string Name, string Industry, string Township, DateOnly RegisteredOn, bool AboveDesignatedSize);
