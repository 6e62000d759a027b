using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;

namespace CountyTech.IntellectualProperty.Tests;

public class PatentRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FiledOn = new(2022, 5, 10);
    private static readonly DateOnly GrantedOn = new(2024, 1, 16);

    private static Patent Filed() => Patent.File(
        new PatentApplication("202210512345.6", "一种油茶果脱壳机", PatentType.Invention, "县油茶研究所", null, "石门乡", FiledOn), Now);

    private static Patent Granted()
    {
        var patent = Filed();
        patent.Grant(GrantedOn, Now);
        return patent;
    }

    [Fact]
    public void A_new_patent_is_filed()
    {
        var patent = Filed();

        Assert.Equal((PatentStatus.Filed, FiledOn, null, null, null), (patent.Status, patent.FiledOn, patent.GrantedOn, patent.RejectedOn, patent.LapsedOn));
    }

    [Fact]
    public void A_filed_patent_is_granted_on_or_after_its_filing()
    {
        var patent = Filed();
        patent.Grant(FiledOn, Now);

        Assert.Equal((PatentStatus.Granted, FiledOn), (patent.Status, patent.GrantedOn));
    }

    [Fact]
    public void A_grant_dated_before_the_filing_is_refused()
    {
        var patent = Filed();

        var error = Assert.Throws<RuleViolationException>(() => patent.Grant(FiledOn.AddDays(-1), Now));
        Assert.Contains("before the filing", error.Message, StringComparison.Ordinal);
        Assert.Equal(PatentStatus.Filed, patent.Status);
    }

    [Fact]
    public void A_rejected_patent_cannot_be_granted()
    {
        var patent = Filed();
        patent.Reject(new DateOnly(2023, 8, 1), Now);

        var error = Assert.Throws<RuleViolationException>(() => patent.Grant(GrantedOn, Now));
        Assert.Contains("is rejected", error.Message, StringComparison.Ordinal);
        Assert.Equal((PatentStatus.Rejected, null), (patent.Status, patent.GrantedOn));
    }

    [Fact]
    public void A_patent_is_granted_once()
    {
        var patent = Granted();

        var error = Assert.Throws<RuleViolationException>(() => patent.Grant(GrantedOn.AddDays(5), Now));
        Assert.Contains("already granted", error.Message, StringComparison.Ordinal);
        Assert.Equal(GrantedOn, patent.GrantedOn);
    }

    [Fact]
    public void A_granted_patent_cannot_be_rejected_nor_an_application_before_its_filing()
    {
        Assert.Throws<RuleViolationException>(() => Granted().Reject(GrantedOn.AddDays(1), Now));
        Assert.Throws<RuleViolationException>(() => Filed().Reject(FiledOn.AddDays(-1), Now));
    }

    [Fact]
    public void Only_a_granted_patent_lapses()
    {
        var filed = Filed();
        var error = Assert.Throws<RuleViolationException>(() => filed.Lapse(GrantedOn, Now));
        Assert.Contains("never granted", error.Message, StringComparison.Ordinal);

        var rejected = Filed();
        rejected.Reject(new DateOnly(2023, 8, 1), Now);
        Assert.Throws<RuleViolationException>(() => rejected.Lapse(GrantedOn, Now));
        Assert.Equal((PatentStatus.Filed, PatentStatus.Rejected), (filed.Status, rejected.Status));
    }

    [Fact]
    public void A_lapse_dated_before_the_grant_is_refused_and_on_the_grant_day_accepted()
    {
        var patent = Granted();

        var error = Assert.Throws<RuleViolationException>(() => patent.Lapse(GrantedOn.AddDays(-1), Now));
        Assert.Contains("before the grant", error.Message, StringComparison.Ordinal);
        Assert.Equal(PatentStatus.Granted, patent.Status);

        patent.Lapse(GrantedOn, Now);
        Assert.Equal((PatentStatus.Lapsed, GrantedOn, GrantedOn), (patent.Status, patent.GrantedOn, patent.LapsedOn));
    }

    [Fact]
    public void A_lapsed_patent_neither_lapses_again_nor_is_granted_again()
    {
        var patent = Granted();
        patent.Lapse(new DateOnly(2030, 1, 1), Now);

        Assert.Contains("already lapsed", Assert.Throws<RuleViolationException>(() => patent.Lapse(new DateOnly(2031, 1, 1), Now)).Message, StringComparison.Ordinal);
        Assert.Contains("already granted", Assert.Throws<RuleViolationException>(() => patent.Grant(GrantedOn, Now)).Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2030, 1, 1), patent.LapsedOn);
    }

    [Fact]
    public void Each_patent_type_takes_its_own_type_digits()
    {
        Assert.Equal(
            [PatentType.Invention, PatentType.UtilityModel, PatentType.Design, null, null, null, null, PatentType.Invention, PatentType.UtilityModel, null],
            "1234567890".Select(PatentTypes.OfDigit));
    }
}
