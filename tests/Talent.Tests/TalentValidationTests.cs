using CountyTech.BureauRules;
using CountyTech.Talent.Apis;
using CountyTech.Talent.Domain;
using CountyTech.Testing;

namespace CountyTech.Talent.Tests;

/// <summary>Checks of the request bodies (400 per field) and the rule of an expert's agreement (409).</summary>
public class TalentValidationTests
{
    private static readonly DateOnly Today = new(2024, 12, 2);
    private static readonly DateTimeOffset Now = new(2024, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> Fields(Action<ValidationErrors> validate)
    {
        var errors = new ValidationErrors();
        validate(errors);
        return errors.IsValid ? [] : Problems.ErrorFields(errors);
    }

    [Fact]
    public void Every_missing_field_is_reported_by_name()
    {
        Assert.Equal(["agreementEnd", "field", "institution", "introducedOn", "name"],
            Fields(e => new IntroduceExpertRequest(null, null, null, null, null).Validate(Today, e)));
        Assert.Equal(["dispatchedOn", "dispatchingUnit", "name", "specialty", "township", "village"],
            Fields(e => new DispatchCommissionerRequest(null, null, null, null, null, null).Validate(Today, e)));
        Assert.Equal(["areaMu", "certifiedOn", "industry", "name", "township"],
            Fields(e => new CertifyDemonstrationBaseRequest(null, null, null, null, null).Validate(Today, e)));
        Assert.Equal(["certifiedOn", "householdsReached", "name", "township"],
            Fields(e => new CertifyDemonstrationHouseholdRequest(null, null, null, null, null).Validate(Today, e)));
        Assert.Equal(["heldOn", "participants", "sessions", "title", "township"],
            Fields(e => new RecordTrainingRequest(null, null, null, null, null).Validate(Today, e)));
    }

    [Fact]
    public void Dates_of_what_has_happened_may_not_lie_after_today_but_an_agreement_may_end_later()
    {
        var tomorrow = Today.AddDays(1);

        Assert.Equal(["introducedOn"], Fields(e =>
            new IntroduceExpertRequest("王教授", "湖南农业大学", "果树栽培", tomorrow, tomorrow.AddYears(2)).Validate(Today, e)));
        Assert.Empty(Fields(e => new IntroduceExpertRequest("王教授", "湖南农业大学", "果树栽培", Today, tomorrow.AddYears(2)).Validate(Today, e)));
        Assert.Equal(["dispatchedOn"], Fields(e =>
            new DispatchCommissionerRequest("李明", "茶叶", "城关镇", "茶园村", "县农业技术推广中心", tomorrow).Validate(Today, e)));
        Assert.Equal(["heldOn"], Fields(e => new RecordTrainingRequest("柑橘修剪", "城关镇", tomorrow, 1, 30).Validate(Today, e)));
        Assert.Equal(["certifiedOn"], Fields(e => new CertifyDemonstrationBaseRequest("茶叶基地", "城关镇", "茶叶", 120, new DateOnly(1900, 1, 1)).Validate(Today, e)));
    }

    [Theory]
    [InlineData(-1, 30, "sessions")]
    [InlineData(0, 30, "sessions")]
    [InlineData(2, -5, "participants")]
    public void Trainings_have_at_least_one_session_and_no_negative_participants(int sessions, int participants, string field)
    {
        Assert.Equal([field], Fields(e => new RecordTrainingRequest("柑橘修剪", "城关镇", Today, sessions, participants).Validate(Today, e)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.001)]
    [InlineData(10000001)]
    public void A_base_area_is_in_mu_not_negative_with_at_most_two_decimals(double areaMu)
    {
        Assert.Equal(["areaMu"], Fields(e => new CertifyDemonstrationBaseRequest("茶叶基地", "城关镇", "茶叶", (decimal)areaMu, Today).Validate(Today, e)));
    }

    [Fact]
    public void Households_reached_is_not_negative()
    {
        Assert.Equal(["householdsReached"], Fields(e => new CertifyDemonstrationHouseholdRequest("张三", "城关镇", Today, -3, null).Validate(Today, e)));
    }

    [Fact]
    public void An_expert_agreement_may_not_end_before_the_introduction()
    {
        var introduction = new ExpertIntroduction("王教授", "湖南农业大学", "果树栽培", new DateOnly(2024, 5, 1), new DateOnly(2024, 4, 30));

        var error = Assert.Throws<RuleViolationException>(() => Expert.Introduce(introduction, Now));

        Assert.Equal("agreementEnd 2024-04-30 is before introducedOn 2024-05-01: an agreement cannot end before it starts.", error.Message);
        var oneDay = Expert.Introduce(introduction with { AgreementEnd = new DateOnly(2024, 5, 1) }, Now);
        Assert.Equal(new DateOnly(2024, 5, 1), oneDay.AgreementEnd);
    }
}
