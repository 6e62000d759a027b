using CountyTech.BureauRules;
using CountyTech.Reporting.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.Reporting.Tests;

public sealed class ReportingYearTests
{
    private const int CurrentYear = 2026;

    [Theory]
    [InlineData("2000", 2000)]
    [InlineData("2024", 2024)]
    [InlineData("2027", 2027)]
    public void A_year_from_2000_to_next_year_is_read(string value, int expected)
    {
        var errors = new ValidationErrors();

        Assert.Equal(expected, ReportingYear.Parse(value, "year", CurrentYear, errors));
        Assert.True(errors.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1999")]
    [InlineData("2028")]
    [InlineData("24")]
    [InlineData("+2024")]
    [InlineData("2024.0")]
    [InlineData("二〇二四")]
    public void Anything_else_is_a_per_field_error(string? value)
    {
        var errors = new ValidationErrors();

        Assert.Null(ReportingYear.Parse(value, "from", CurrentYear, errors));
        Assert.False(errors.IsValid);
    }
}
