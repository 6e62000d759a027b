using CountyTech.Contracts.Projects;

namespace CountyTech.Projects.Domain;

/// <summary>A checked project application (项目申报书): what <see cref="Project.Submit"/> needs.</summary>
public sealed record ProjectApplication(
    string Title,
    ProjectLevel Level,
    ProjectField Field,
    string LeadOrganization,
    string? LeadCreditCode,
    string Township,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    decimal BudgetWan);
