using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Apis;
using CountyTech.IntellectualProperty.Domain;
using CountyTech.Testing;

namespace CountyTech.IntellectualProperty.Tests;

public class PatentValidationTests
{
    private static readonly FilePatentRequest Valid = new(
        "201710601862.3", "一种茶叶揉捻装置", PatentType.Invention, "某茶业科技有限公司", "91350100M000100Y43", "城关镇",
        new DateOnly(2017, 7, 21));

    private static (ValidationErrors Errors, PatentApplication Application) Check(FilePatentRequest request)
    {
        var errors = new ValidationErrors();
        var application = request.Validate(errors);
        return (errors, application);
    }

    private static IReadOnlyList<string> Messages(ValidationErrors errors, string field) =>
        Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(errors.ToProblem().ProblemDetails).Errors[field];

    [Fact]
    public void A_complete_application_passes_normalized()
    {
        var (errors, application) = Check(Valid with { ApplicationNo = " 202310000002.x ", Type = PatentType.Invention, ApplicantCreditCode = " 91350100m000100y43 " });

        Assert.True(errors.IsValid);
        Assert.Equal("202310000002.X", application.ApplicationNo);
        Assert.Equal("91350100M000100Y43", application.ApplicantCreditCode);
    }

    [Fact]
    public void The_applicant_credit_code_is_optional()
    {
        var (errors, application) = Check(Valid with { ApplicantCreditCode = " " });

        Assert.True(errors.IsValid);
        Assert.Null(application.ApplicantCreditCode);
    }

    [Fact]
    public void Every_missing_field_is_reported_by_name()
    {
        var (errors, _) = Check(new FilePatentRequest(null, null, null, null, null, null, null));

        Assert.Equal(["applicantName", "applicationNo", "filedOn", "title", "township", "type"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void A_wrong_check_character_is_named_as_such()
    {
        var (errors, _) = Check(Valid with { ApplicationNo = "201710601862.4" });

        Assert.Equal(["applicationNo"], Problems.ErrorFields(errors));
        var message = Assert.Single(Messages(errors, "applicationNo"));
        Assert.Contains("check character", message, StringComparison.Ordinal);
        Assert.DoesNotContain("type digit", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PatentType.UtilityModel, "utility-model")]
    [InlineData(PatentType.Design, "design")]
    public void A_type_digit_that_disagrees_with_the_type_is_named_as_such(PatentType type, string typeName)
    {
        var (errors, _) = Check(Valid with { Type = type });

        var message = Assert.Single(Messages(errors, "applicationNo"));
        Assert.Contains("type digit", message, StringComparison.Ordinal);
        Assert.Contains($"marks the application as invention, but type is {typeName}", message, StringComparison.Ordinal);
        Assert.DoesNotContain("check character", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('1', PatentType.Invention)]
    [InlineData('8', PatentType.Invention)]
    [InlineData('2', PatentType.UtilityModel)]
    [InlineData('9', PatentType.UtilityModel)]
    [InlineData('3', PatentType.Design)]
    public void Each_type_digit_agrees_with_its_type(char digit, PatentType type)
    {
        var (errors, _) = Check(Valid with { ApplicationNo = Numbered(digit), Type = type });

        Assert.True(errors.IsValid);
        foreach (var other in Enum.GetValues<PatentType>().Where(t => t != type))
        {
            Assert.Equal(["applicationNo"], Problems.ErrorFields(Check(Valid with { ApplicationNo = Numbered(digit), Type = other }).Errors));
        }
    }

    [Theory]
    [InlineData('0')]
    [InlineData('4')]
    [InlineData('7')]
    public void A_type_digit_of_no_patent_type_is_wrong_whatever_the_type(char digit)
    {
        var (errors, _) = Check(Valid with { ApplicationNo = Numbered(digit), Type = null });

        Assert.Contains(Messages(errors, "applicationNo"), m => m.Contains("type digit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_check_character_and_a_wrong_type_digit_are_both_named()
    {
        var (errors, _) = Check(Valid with { ApplicationNo = "201710601862.4", Type = PatentType.Design });

        var messages = Messages(errors, "applicationNo");
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("check character", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("type digit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2017106018623")]
    [InlineData("ZL201710601862.3")]
    [InlineData("201710601862.Z")]
    public void A_number_of_another_shape_is_400_under_application_no(string number)
    {
        var (errors, _) = Check(Valid with { ApplicationNo = number });

        Assert.Contains("YYYYTNNNNNNN.C", Assert.Single(Messages(errors, "applicationNo")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_applicant_credit_code_and_a_date_outside_the_bureaus_years_are_reported()
    {
        var (errors, _) = Check(Valid with { ApplicantCreditCode = "91350100M000100Y44", FiledOn = new DateOnly(1017, 7, 21) });

        Assert.Equal(["applicantCreditCode", "filedOn"], Problems.ErrorFields(errors));
    }

    /// <summary>A valid 2024 application number with type digit <paramref name="digit"/>.</summary>
    private static string Numbered(char digit)
    {
        var digits = $"2024{digit}0012345";
        return $"{digits}.{PatentApplicationNumber.CheckCharacter(digits)}";
    }
}
