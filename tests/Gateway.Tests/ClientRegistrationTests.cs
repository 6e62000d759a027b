using CountyTech.BureauRules;
using CountyTech.Gateway.Admin;
using CountyTech.ServiceDefaults;

namespace CountyTech.Gateway.Tests;

public sealed class ClientRegistrationTests
{
    [Fact]
    public void A_valid_request_gives_a_trimmed_name_its_kind_and_sorted_distinct_scopes()
    {
        var errors = new ValidationErrors();

        var registration = ClientRegistration.Validate(
            new RegisterClientRequest("  市科技局数据平台 ", "city-system", ["reporting:read", "projects:read", "reporting:read"]), errors);

        Assert.True(errors.IsValid);
        Assert.Equal("市科技局数据平台", registration.Name);
        Assert.Equal(ClientKind.CitySystem, registration.Kind);
        Assert.Equal(["projects:read", "reporting:read"], registration.Scopes);
    }

    [Theory]
    [InlineData(null, "department-app", "talent:read")]
    [InlineData("农业农村局", "DepartmentApp", "talent:read")]
    [InlineData("农业农村局", null, "talent:read")]
    [InlineData("农业农村局", "department-app", "talent:delete")]
    [InlineData("农业农村局", "department-app", "Talent:Read")]
    public void A_missing_name_a_bad_kind_or_an_unknown_scope_is_refused(string? name, string? kind, string scope)
    {
        var errors = new ValidationErrors();

        ClientRegistration.Validate(new RegisterClientRequest(name, kind, [scope]), errors);

        Assert.False(errors.IsValid);
    }

    [Fact]
    public void At_least_one_scope_is_needed()
    {
        var errors = new ValidationErrors();

        ClientRegistration.Validate(new RegisterClientRequest("农业农村局", "department-app", []), errors);

        Assert.False(errors.IsValid);
    }
}
