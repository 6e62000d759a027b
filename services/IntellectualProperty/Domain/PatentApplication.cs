using CountyTech.Contracts.IntellectualProperty;

namespace CountyTech.IntellectualProperty.Domain;

/// <summary>A checked patent application (专利申请): what <see cref="Patent.File"/> needs.</summary>
public sealed record PatentApplication(
    string ApplicationNo,
    string Title,
    PatentType Type,
    string ApplicantName,
    string? ApplicantCreditCode,
    string Township,
    DateOnly FiledOn);
