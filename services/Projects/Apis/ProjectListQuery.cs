using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.Projects.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects.Apis;

/// <summary>Filters of <c>GET /api/v1/projects</c>: <c>year</c> (of approval), <c>township</c>, <c>status</c>, <c>level</c>, <c>field</c>.</summary>
public sealed record ProjectListQuery(int? Page, int? PageSize, int? Year, string? Township, string? Status, string? Level, string? Field)
{
    internal IQueryable<Project> Apply(IQueryable<Project> projects, ValidationErrors errors)
    {
        var status = ApiEnum.Parse<ProjectStatus>(Status, "status", errors);
        var level = ApiEnum.Parse<ProjectLevel>(Level, "level", errors);
        var field = ApiEnum.Parse<ProjectField>(Field, "field", errors);
        errors.Require(Year is null || BusinessDates.IsYear(Year.Value), "year",
            $"year must be a year from {BusinessDates.FirstYear} to {BusinessDates.LastYear}.");

        if (Year is { } year && BusinessDates.IsYear(year))
        {
            var (first, last) = BusinessDates.YearSpan(year);
            projects = projects.Where(p => p.ApprovedOn >= first && p.ApprovedOn <= last);
        }

        if (!string.IsNullOrWhiteSpace(Township))
        {
            projects = projects.Where(p => p.Township == Township.Trim());
        }

        if (status is not null)
        {
            projects = projects.Where(p => p.Status == status);
        }

        if (level is not null)
        {
            projects = projects.Where(p => p.Level == level);
        }

        return field is null ? projects : projects.Where(p => p.Field == field);
    }
}
