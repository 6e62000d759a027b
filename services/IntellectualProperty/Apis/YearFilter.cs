using CountyTech.BureauRules;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>A list's optional year filter (<c>?year=2024</c>): the year's first and last day, or null when absent or wrong.</summary>
internal static class YearFilter
{
    public static (DateOnly First, DateOnly Last)? Span(int? year, string field, ValidationErrors errors)
    {
        if (year is not { } value)
        {
            return null;
        }

        if (!BusinessDates.IsYear(value))
        {
            errors.Add(field, $"{field} must be a year from {BusinessDates.FirstYear} to {BusinessDates.LastYear}.");
            return null;
        }

        return BusinessDates.YearSpan(value);
    }
}
