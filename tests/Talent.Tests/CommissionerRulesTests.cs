using CountyTech.BureauRules;
using CountyTech.Talent.Domain;

namespace CountyTech.Talent.Tests;

public class CommissionerRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static Commissioner Dispatched(DateOnly dispatchedOn) => Commissioner.Dispatch(
        new CommissionerAppointment("李明", "茶叶栽培", "城关镇", "茶园村", "县农业技术推广中心", dispatchedOn), Now);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_dispatched_commissioner_is_in_post_with_no_service_yet()
    {
        var commissioner = Dispatched(D(2024, 3, 1));

        Assert.Equal(CommissionerStatus.InPost, commissioner.Status);
        Assert.Null(commissioner.LeftOn);
        Assert.Equal(0, commissioner.DaysServedIn(2024));
    }

    [Fact]
    public void A_departure_before_the_dispatch_is_refused()
    {
        var commissioner = Dispatched(D(2024, 3, 1));

        var error = Assert.Throws<RuleViolationException>(() => commissioner.Depart(D(2024, 2, 29), "调离", Now));

        Assert.Contains("before the dispatch", error.Message, StringComparison.Ordinal);
        Assert.Equal(CommissionerStatus.InPost, commissioner.Status);
    }

    [Fact]
    public void A_commissioner_may_leave_on_the_day_of_dispatch_but_only_once()
    {
        var commissioner = Dispatched(D(2024, 3, 1));
        commissioner.Depart(D(2024, 3, 1), "身体原因", Now);

        var error = Assert.Throws<RuleViolationException>(() => commissioner.Depart(D(2024, 6, 1), "调离", Now));

        Assert.Contains("already left on 2024-03-01", error.Message, StringComparison.Ordinal);
        Assert.Equal((CommissionerStatus.Departed, D(2024, 3, 1), "身体原因"), (commissioner.Status, commissioner.LeftOn, commissioner.DepartureReason));
    }

    [Fact]
    public void Service_is_logged_only_within_the_time_in_post_the_leaving_day_included()
    {
        var commissioner = Dispatched(D(2024, 3, 1));

        var early = Assert.Throws<RuleViolationException>(() => commissioner.LogService(D(2024, 2, 28), 1, 5, Now));
        commissioner.Depart(D(2024, 9, 30), "任期届满", Now);
        var late = Assert.Throws<RuleViolationException>(() => commissioner.LogService(D(2024, 10, 1), 1, 5, Now));
        commissioner.LogService(D(2024, 9, 30), 30, 12, Now);

        Assert.Contains("before the dispatch on 2024-03-01", early.Message, StringComparison.Ordinal);
        Assert.Contains("after the departure on 2024-09-30", late.Message, StringComparison.Ordinal);
        Assert.Equal(30, commissioner.DaysServedIn(2024));
    }

    [Fact]
    public void A_departure_cannot_precede_a_day_already_logged()
    {
        var commissioner = Dispatched(D(2024, 3, 1));
        commissioner.LogService(D(2024, 5, 31), 20, 40, Now);

        var error = Assert.Throws<RuleViolationException>(() => commissioner.Depart(D(2024, 5, 30), "调离", Now));

        Assert.Contains("before the service logged on 2024-05-31", error.Message, StringComparison.Ordinal);
        commissioner.Depart(D(2024, 5, 31), "调离", Now);
        Assert.Equal(CommissionerStatus.Departed, commissioner.Status);
    }

    [Theory]
    [InlineData(2024, 3, 10, 10, true)]   // dispatched 03-01: 10 days in post up to 03-10
    [InlineData(2024, 3, 10, 11, false)]
    [InlineData(2024, 3, 1, 1, true)]     // the dispatch day itself is a day in post
    [InlineData(2025, 1, 5, 5, true)]     // a later year counts from its 01-01
    [InlineData(2025, 1, 5, 6, false)]
    [InlineData(2024, 12, 31, 306, true)] // 03-01 to 12-31 of a leap year
    [InlineData(2024, 12, 31, 307, false)]
    public void A_log_counts_no_more_days_than_were_in_post_that_year_up_to_its_date(int year, int month, int day, int days, bool fits)
    {
        var commissioner = Dispatched(D(2024, 3, 1));

        var log = () => commissioner.LogService(D(year, month, day), days, 0, Now);

        if (fits)
        {
            log();
            Assert.Equal(days, commissioner.DaysServedIn(year));
        }
        else
        {
            var error = Assert.Throws<FieldRuleViolationException>(log);
            Assert.Equal("days", error.Field);
            Assert.Empty(commissioner.ServiceLogs);
        }
    }

    [Fact]
    public void The_logs_of_a_year_together_fit_the_days_in_post_up_to_the_latest_of_them()
    {
        var commissioner = Dispatched(D(2023, 6, 1));
        commissioner.LogService(D(2024, 1, 31), 31, 10, Now);

        var error = Assert.Throws<FieldRuleViolationException>(() => commissioner.LogService(D(2024, 1, 15), 1, 1, Now));
        Assert.Equal("days", error.Field);
        Assert.Contains("to 32, more than the 31 days in post from 2024-01-01 to 2024-01-31", error.Message, StringComparison.Ordinal);

        commissioner.LogService(D(2024, 2, 29), 29, 10, Now);  // 01-01 to 02-29: 60 days, all served
        Assert.Throws<FieldRuleViolationException>(() => commissioner.LogService(D(2024, 2, 10), 1, 1, Now));
        commissioner.LogService(D(2023, 12, 31), 214, 10, Now); // 2023-06-01 to 12-31, another year's count
        Assert.Equal((60, 214), (commissioner.DaysServedIn(2024), commissioner.DaysServedIn(2023)));
    }
}
