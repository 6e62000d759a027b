using CountyTech.BureauRules;
using CountyTech.Talent.Apis;
using CountyTech.Talent.Domain;
using CountyTech.Testing;

namespace CountyTech.Talent.Tests;

/// <summary>The OpenAPI document's examples pass the service's own request checks and the commissioner's and expert's rules.</summary>
public class TalentExamplesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private static T Example<T>() => (T)TalentExamples.All[typeof(T)];

    [Fact]
    public void Every_request_example_passes_the_request_checks_and_the_rules()
    {
        var errors = new ValidationErrors();

        var introduction = Example<IntroduceExpertRequest>().Validate(Today, errors);
        var appointment = Example<DispatchCommissionerRequest>().Validate(Today, errors);
        Example<CertifyDemonstrationBaseRequest>().Validate(Today, errors);
        Example<CertifyDemonstrationHouseholdRequest>().Validate(Today, errors);
        Example<RecordTrainingRequest>().Validate(Today, errors);
        Assert.True(errors.IsValid, string.Join("; ", Problems.ErrorFields(errors)));

        Expert.Introduce(introduction, Now);
        var commissioner = Commissioner.Dispatch(appointment, Now);
        foreach (var log in Example<CommissionerResponse>().ServiceLogs)
        {
            commissioner.LogService(log.ServedOn, log.Days, log.FarmersServed, Now);
        }

        var departure = Example<RecordDepartureRequest>();
        commissioner.Depart(departure.LeftOn!.Value, departure.Reason!, Now);
        Assert.Equal(Example<CommissionerResponse>().DaysServedThisYear, commissioner.DaysServedIn(Today.Year));
    }
}
