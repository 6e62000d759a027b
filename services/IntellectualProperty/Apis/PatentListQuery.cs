using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>
/// Filters of <c>GET /api/v1/ip/patents</c>: <c>year</c> (of filing), <c>grantYear</c> (of grant), <c>township</c>,
/// <c>type</c>, <c>status</c> (filed, granted, rejected, lapsed).
/// </summary>
public sealed record PatentListQuery(int? Page, int? PageSize, int? Year, int? GrantYear, string? Township, string? Type, string? Status)
{
    internal IQueryable<Patent> Apply(IQueryable<Patent> patents, ValidationErrors errors)
    {
        var type = ApiEnum.Parse<PatentType>(Type, "type", errors);
        var status = ApiEnum.Parse<PatentStatus>(Status, "status", errors);

        if (YearFilter.Span(Year, "year", errors) is { } filed)
        {
            patents = patents.Where(p => p.FiledOn >= filed.First && p.FiledOn <= filed.Last);
        }

        if (YearFilter.Span(GrantYear, "grantYear", errors) is { } granted)
        {
            patents = patents.Where(p => p.GrantedOn >= granted.First && p.GrantedOn <= granted.Last);
        }

        if (!string.IsNullOrWhiteSpace(Township))
        {
            patents = patents.Where(p => p.Township == Township.Trim());
        }

        if (type is not null)
        {
            patents = patents.Where(p => p.Type == type);
        }

        return status is null ? patents : patents.Where(p => p.Status == status);
    }
}
