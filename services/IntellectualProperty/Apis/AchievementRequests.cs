using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;

namespace CountyTech.IntellectualProperty.Apis;

public sealed record RegisterAchievementRequest(
    string? RegistrationNo, string? Title, AchievementType? Type, DateOnly? RegisteredOn, string? HolderName)
{
    internal AchievementRegistration Validate(ValidationErrors errors) => new(
        errors.Text(RegistrationNo, "registrationNo", 50),
        errors.Text(Title, "title"),
        errors.Present(Type, "type"),
        BusinessDates.Date(RegisteredOn, "registeredOn", errors),
        errors.Text(HolderName, "holderName"));
}
