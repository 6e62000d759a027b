using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>Filters of <c>GET /api/v1/ip/achievements</c>: <c>year</c> (of registration), <c>type</c>.</summary>
public sealed record AchievementListQuery(int? Page, int? PageSize, int? Year, string? Type)
{
    internal IQueryable<Achievement> Apply(IQueryable<Achievement> achievements, ValidationErrors errors)
    {
        var type = ApiEnum.Parse<AchievementType>(Type, "type", errors);

        if (YearFilter.Span(Year, "year", errors) is { } year)
        {
            achievements = achievements.Where(a => a.RegisteredOn >= year.First && a.RegisteredOn <= year.Last);
        }

        return type is null ? achievements : achievements.Where(a => a.Type == type);
    }
}
