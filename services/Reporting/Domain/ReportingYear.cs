using System.Globalization;
using CountyTech.BureauRules;
using CountyTech.ServiceDefaults;

namespace CountyTech.Reporting.Domain;

/// <summary>
/// The years the bureau reports on (统计年度): from <see cref="First"/> to next year (budgets and plans are entered
/// ahead). A year outside is a mistyped request, answered 400.
/// </summary>
public static class ReportingYear
{
    public const int First = 2000;

    public static int Last(int currentYear) => currentYear + 1;

    /// <summary>Reads a year from a route or query value; records a per-field error and returns null when it is not valid.</summary>
    public static int? Parse(string? value, string field, int currentYear, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required (YYYY).");
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < First || year > Last(currentYear))
        {
            errors.Add(field, $"{field} must be a year from {First} to {Last(currentYear)}.");
            return null;
        }

        return year;
    }
}
