using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.Projects.Apis;
using CountyTech.ServiceDefaults;
using CountyTech.Testing;

namespace CountyTech.Projects.Tests;

public class ProjectValidationTests
{
    private static readonly SubmitProjectRequest Valid = new(
        "设施农业物联网应用", ProjectLevel.Municipal, ProjectField.Agriculture, "某农业科技有限公司", "91350100M000100Y43",
        "石门乡", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 125.5m);

    private static (ValidationErrors Errors, Domain.ProjectApplication Application) Check(SubmitProjectRequest request)
    {
        var errors = new ValidationErrors();
        var application = request.Validate(errors);
        return (errors, application);
    }

    [Fact]
    public void A_complete_application_passes_and_is_trimmed()
    {
        var (errors, application) = Check(Valid with { Title = "  设施农业物联网应用  " });

        Assert.True(errors.IsValid);
        Assert.Equal("设施农业物联网应用", application.Title);
        Assert.Equal(125.5m, application.BudgetWan);
    }

    [Fact]
    public void Every_missing_field_is_reported_by_name()
    {
        var (errors, _) = Check(new SubmitProjectRequest(null, null, null, null, null, null, null, null, null));

        Assert.Equal(
            ["budgetWan", "field", "leadOrganization", "level", "plannedEnd", "plannedStart", "title", "township"],
            Problems.ErrorFields(errors));
    }

    [Fact]
    public void The_plan_must_not_end_before_it_starts()
    {
        var (errors, _) = Check(Valid with { PlannedStart = new DateOnly(2025, 1, 1), PlannedEnd = new DateOnly(2024, 1, 1) });

        Assert.Equal(["plannedEnd"], Problems.ErrorFields(errors));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.00001)]
    [InlineData(100000001)]
    public void Budget_must_be_positive_with_at_most_four_decimals(double budget)
    {
        var (errors, _) = Check(Valid with { BudgetWan = (decimal)budget });

        Assert.Equal(["budgetWan"], Problems.ErrorFields(errors));
    }

    [Theory]
    [InlineData("91350100M000100Y42")]
    [InlineData("9135010")]
    [InlineData("91350100M000100YI3")]
    public void A_credit_code_with_a_wrong_check_character_is_refused(string code)
    {
        var (errors, _) = Check(Valid with { LeadCreditCode = code });

        Assert.Equal(["leadCreditCode"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void A_blank_credit_code_means_none()
    {
        var (errors, application) = Check(Valid with { LeadCreditCode = " " });

        Assert.True(errors.IsValid);
        Assert.Null(application.LeadCreditCode);
    }

    [Fact]
    public void Page_size_is_at_most_200()
    {
        var errors = new ValidationErrors();
        PageRequest.From(0, 201, errors);

        Assert.Equal(["page", "pageSize"], Problems.ErrorFields(errors));
    }
}
