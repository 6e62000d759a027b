using CountyTech.BureauRules;
using CountyTech.IntellectualProperty.Apis;
using CountyTech.Testing;

namespace CountyTech.IntellectualProperty.Tests;

/// <summary>The OpenAPI document's examples pass the service's own request checks.</summary>
public class IntellectualPropertyExamplesTests
{
    [Fact]
    public void Every_request_example_passes_the_request_checks()
    {
        var errors = new ValidationErrors();

        ((FilePatentRequest)IntellectualPropertyExamples.All[typeof(FilePatentRequest)]).Validate(errors);
        ((RegisterTechnologyContractRequest)IntellectualPropertyExamples.All[typeof(RegisterTechnologyContractRequest)]).Validate(errors);
        ((RegisterAchievementRequest)IntellectualPropertyExamples.All[typeof(RegisterAchievementRequest)]).Validate(errors);

        Assert.True(errors.IsValid, string.Join("; ", Problems.ErrorFields(errors)));
    }
}
