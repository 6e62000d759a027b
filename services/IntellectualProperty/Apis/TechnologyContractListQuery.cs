using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>Filters of <c>GET /api/v1/ip/technology-contracts</c>: <c>year</c> (of signing), <c>type</c>.</summary>
public sealed record TechnologyContractListQuery(int? Page, int? PageSize, int? Year, string? Type)
{
    internal IQueryable<TechnologyContract> Apply(IQueryable<TechnologyContract> contracts, ValidationErrors errors)
    {
        var type = ApiEnum.Parse<TechnologyContractType>(Type, "type", errors);

        if (YearFilter.Span(Year, "year", errors) is { } year)
        {
            contracts = contracts.Where(c => c.SignedOn >= year.First && c.SignedOn <= year.Last);
        }

        return type is null ? contracts : contracts.Where(c => c.Type == type);
    }
}
