using CountyTech.BureauRules;
using CountyTech.Talent.Domain;

namespace CountyTech.Talent.Apis;

// Filters of the talent lists. `year` picks the records whose defining date (introduction, dispatch, certification,
// training) lies in that calendar year; `township` is an exact 乡镇 name. Unknown values are 400 naming the filter.

/// <summary>Filters of <c>GET /api/v1/talent/experts</c>: <c>year</c> of introduction.</summary>
public sealed record ExpertListQuery(int? Page, int? PageSize, int? Year)
{
    internal IQueryable<Expert> Apply(IQueryable<Expert> experts, ValidationErrors errors) =>
        ListFilters.YearSpan(Year, errors) is (var first, var last) ? experts.Where(e => e.IntroducedOn >= first && e.IntroducedOn <= last) : experts;
}

/// <summary>
/// Filters of <c>GET /api/v1/talent/commissioners</c>: <c>year</c> of dispatch, <c>township</c>, <c>status</c>
/// (<c>in-post</c> today or <c>departed</c>). A township's official asks <c>?township=…&amp;status=in-post</c>.
/// </summary>
public sealed record CommissionerListQuery(int? Page, int? PageSize, int? Year, string? Township, string? Status)
{
    internal IQueryable<Commissioner> Apply(IQueryable<Commissioner> commissioners, ValidationErrors errors)
    {
        var status = ApiEnum.Parse<CommissionerStatus>(Status, "status", errors);
        if (ListFilters.YearSpan(Year, errors) is (var first, var last))
        {
            commissioners = commissioners.Where(c => c.DispatchedOn >= first && c.DispatchedOn <= last);
        }

        if (ListFilters.Township(Township) is { } township)
        {
            commissioners = commissioners.Where(c => c.Township == township);
        }

        return status is null ? commissioners : commissioners.Where(c => c.Status == status);
    }
}

/// <summary>Filters of <c>GET /api/v1/talent/demonstration-bases</c>: <c>year</c> of certification, <c>township</c>.</summary>
public sealed record DemonstrationBaseListQuery(int? Page, int? PageSize, int? Year, string? Township)
{
    internal IQueryable<DemonstrationBase> Apply(IQueryable<DemonstrationBase> bases, ValidationErrors errors)
    {
        if (ListFilters.YearSpan(Year, errors) is (var first, var last))
        {
            bases = bases.Where(b => b.CertifiedOn >= first && b.CertifiedOn <= last);
        }

        return ListFilters.Township(Township) is { } township ? bases.Where(b => b.Township == township) : bases;
    }
}

/// <summary>
/// Filters of <c>GET /api/v1/talent/demonstration-households</c>: <c>year</c> of certification, <c>township</c>, and
/// <c>commissionerId</c> (the households a commissioner coached).
/// </summary>
public sealed record DemonstrationHouseholdListQuery(int? Page, int? PageSize, int? Year, string? Township, Guid? CommissionerId)
{
    internal IQueryable<DemonstrationHousehold> Apply(IQueryable<DemonstrationHousehold> households, ValidationErrors errors)
    {
        if (ListFilters.YearSpan(Year, errors) is (var first, var last))
        {
            households = households.Where(h => h.CertifiedOn >= first && h.CertifiedOn <= last);
        }

        if (ListFilters.Township(Township) is { } township)
        {
            households = households.Where(h => h.Township == township);
        }

        return CommissionerId is { } commissionerId ? households.Where(h => h.CommissionerId == commissionerId) : households;
    }
}

/// <summary>Filters of <c>GET /api/v1/talent/trainings</c>: <c>year</c> held, <c>township</c>.</summary>
public sealed record TrainingListQuery(int? Page, int? PageSize, int? Year, string? Township)
{
    internal IQueryable<Training> Apply(IQueryable<Training> trainings, ValidationErrors errors)
    {
        if (ListFilters.YearSpan(Year, errors) is (var first, var last))
        {
            trainings = trainings.Where(t => t.HeldOn >= first && t.HeldOn <= last);
        }

        return ListFilters.Township(Township) is { } township ? trainings.Where(t => t.Township == township) : trainings;
    }
}

internal static class ListFilters
{
    /// <summary>The first and last day of the <c>year</c> filter; null when absent or invalid (a per-field error).</summary>
    public static (DateOnly First, DateOnly Last)? YearSpan(int? year, ValidationErrors errors)
    {
        if (year is null)
        {
            return null;
        }

        if (!BusinessDates.IsYear(year.Value))
        {
            errors.Add("year", $"year must be a year from {BusinessDates.FirstYear} to {BusinessDates.LastYear}.");
            return null;
        }

        return BusinessDates.YearSpan(year.Value);
    }

    /// <summary>The <c>township</c> filter, trimmed; null when absent.</summary>
    public static string? Township(string? township) => string.IsNullOrWhiteSpace(township) ? null : township.Trim();
}
