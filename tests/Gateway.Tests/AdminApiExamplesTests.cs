using CountyTech.BureauRules;
using CountyTech.Gateway.Admin;
using CountyTech.Testing;

namespace CountyTech.Gateway.Tests;

/// <summary>The OpenAPI document's admin examples pass the gateway's own request checks.</summary>
public class AdminApiExamplesTests
{
    [Fact]
    public void The_client_registration_example_passes_the_request_checks()
    {
        var errors = new ValidationErrors();

        ClientRegistration.Validate((RegisterClientRequest)AdminApiExamples.All[typeof(RegisterClientRequest)], errors);

        Assert.True(errors.IsValid, string.Join("; ", Problems.ErrorFields(errors)));
    }
}
