namespace CountyTech.BureauRules;

/// <summary>
/// The dates and years of the bureau's records (业务日期): from 1949 to 2100. A date outside is a typing error
/// (0202-05-01, 9999-12-31) that would otherwise land in some year's statistics.
/// </summary>
public static class BusinessDates
{
    public const int FirstYear = 1949;
    public const int LastYear = 2100;

    /// <summary>A required business date inside the bureau's years; returns it (default when missing, with an error).</summary>
    public static DateOnly Date(DateOnly? date, string field, ValidationErrors errors)
    {
        var value = errors.Present(date, field);
        errors.Require(date is null || value.Year is >= FirstYear and <= LastYear, field,
            $"{field} must be a date from {FirstYear}-01-01 to {LastYear}-12-31.");
        return value;
    }

    /// <summary>
    /// A required business date of something that has already happened (a certificate issued, an agreement signed): inside
    /// the bureau's years and not after <paramref name="today"/>, since a record of the future is a typing error.
    /// </summary>
    public static DateOnly PastDate(DateOnly? date, string field, DateOnly today, ValidationErrors errors)
    {
        var value = Date(date, field, errors);
        errors.Require(date is null || !IsYear(value.Year) || value <= today, field, $"{field} must not be after today ({today:yyyy-MM-dd}).");
        return value;
    }

    /// <summary>A required year that has begun: inside the bureau's years and not after the year of <paramref name="today"/>.</summary>
    public static int PastYear(int? year, string field, DateOnly today, ValidationErrors errors)
    {
        var value = Year(year, field, errors);
        errors.Require(year is null || !IsYear(value) || value <= today.Year, field, $"{field} must not be after {today.Year}.");
        return value;
    }

    /// <summary>An optional year filter or a required year: inside the bureau's years.</summary>
    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>A required year (a report's, a registration's); returns it, or 0 with an error.</summary>
    public static int Year(int? year, string field, ValidationErrors errors)
    {
        var value = errors.Present(year, field);
        errors.Require(year is null || IsYear(value), field, $"{field} must be a year from {FirstYear} to {LastYear}.");
        return value;
    }

    /// <summary>The first and last day of a calendar year, for filters on business dates.</summary>
    public static (DateOnly First, DateOnly Last) YearSpan(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
