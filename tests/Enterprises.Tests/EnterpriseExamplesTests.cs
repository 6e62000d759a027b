using CountyTech.BureauRules;
using CountyTech.Enterprises.Apis;
using CountyTech.Testing;

namespace CountyTech.Enterprises.Tests;

/// <summary>The OpenAPI document's examples pass the service's own request checks.</summary>
public class EnterpriseExamplesTests
{
    [Fact]
    public void Every_request_example_passes_the_request_checks()
    {
        var errors = new ValidationErrors();
        var today = new DateOnly(2026, 12, 1);

        ((RegisterEnterpriseRequest)EnterpriseExamples.All[typeof(RegisterEnterpriseRequest)]).Validate(today, errors);
        ((ReportAnnualFiguresRequest)EnterpriseExamples.All[typeof(ReportAnnualFiguresRequest)]).Validate(errors);

        Assert.True(errors.IsValid, string.Join("; ", Problems.ErrorFields(errors)));
    }
}
