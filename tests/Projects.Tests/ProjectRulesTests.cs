using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.Projects.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects.Tests;

public class ProjectRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Project Submitted() => Project.Submit(
        new ProjectApplication("高山蔬菜绿色栽培示范", ProjectLevel.Provincial, ProjectField.Agriculture, "县农业技术推广中心", null,
            "城关镇", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 80m),
        new DateOnly(2024, 2, 1), Now);

    private static Project Approved(decimal fundingWan = 50m)
    {
        var project = Submitted();
        project.Approve(new DateOnly(2024, 3, 15), fundingWan, Now);
        return project;
    }

    [Fact]
    public void A_project_takes_at_most_a_page_of_disbursements_and_of_outcomes()
    {
        var project = Approved(fundingWan: 1000m);
        for (var i = 0; i < Project.MaxEntries; i++)
        {
            project.Disburse(new DateOnly(2024, 4, 1), 1m, Now);
            project.RecordOutcome(OutcomeKind.Technique, $"技术 {i}", new DateOnly(2024, 5, 1), null, Now);
        }

        var disbursement = Assert.Throws<RuleViolationException>(() => project.Disburse(new DateOnly(2024, 4, 1), 1m, Now));
        var outcome = Assert.Throws<RuleViolationException>(() =>
            project.RecordOutcome(OutcomeKind.Variety, "又一个品种", new DateOnly(2024, 5, 1), null, Now));

        Assert.Equal(200, Project.MaxEntries);
        Assert.Contains("at most 200 disbursements", disbursement.Message, StringComparison.Ordinal);
        Assert.Contains("at most 200 outcomes", outcome.Message, StringComparison.Ordinal);
        Assert.Equal((200, 200, 200m), (project.Disbursements.Count, project.Outcomes.Count, project.DisbursedWan));
    }

    [Fact]
    public void A_new_project_is_submitted()
    {
        var project = Submitted();

        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.Equal(new DateOnly(2024, 2, 1), project.SubmittedOn);
        Assert.Equal(0m, project.DisbursedWan);
    }

    [Fact]
    public void Approval_records_date_and_funding()
    {
        var project = Approved(50m);

        Assert.Equal(ProjectStatus.Approved, project.Status);
        Assert.Equal(new DateOnly(2024, 3, 15), project.ApprovedOn);
        Assert.Equal(50m, project.FundingWan);
    }

    [Fact]
    public void A_rejected_project_cannot_be_approved()
    {
        var project = Submitted();
        project.Reject(new DateOnly(2024, 3, 1), "材料不全", Now);

        var error = Assert.Throws<RuleViolationException>(() => project.Approve(new DateOnly(2024, 3, 2), 10m, Now));
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Rejected, project.Status);
    }

    [Fact]
    public void An_approved_project_cannot_be_approved_again_or_rejected()
    {
        var project = Approved();

        Assert.Throws<RuleViolationException>(() => project.Approve(new DateOnly(2024, 4, 1), 10m, Now));
        Assert.Throws<RuleViolationException>(() => project.Reject(new DateOnly(2024, 4, 1), "重复", Now));
        Assert.Equal(50m, project.FundingWan);
    }

    [Fact]
    public void Only_an_approved_project_takes_disbursements()
    {
        var project = Submitted();

        Assert.Throws<RuleViolationException>(() => project.Disburse(new DateOnly(2024, 4, 1), 1m, Now));
        Assert.Empty(project.Disbursements);
    }

    [Fact]
    public void Disbursements_may_reach_but_not_exceed_the_funding()
    {
        var project = Approved(50m);
        project.Disburse(new DateOnly(2024, 4, 1), 30m, Now);
        project.Disburse(new DateOnly(2024, 6, 1), 20m, Now);

        var error = Assert.Throws<RuleViolationException>(() => project.Disburse(new DateOnly(2024, 7, 1), 0.0001m, Now));

        Assert.Contains("over the funding", error.Message, StringComparison.Ordinal);
        Assert.Equal(50m, project.DisbursedWan);
        Assert.Equal(2, project.Disbursements.Count);
    }

    [Fact]
    public void A_disbursement_before_the_approval_is_refused()
    {
        var project = Approved();

        Assert.Throws<RuleViolationException>(() => project.Disburse(new DateOnly(2024, 3, 14), 1m, Now));
    }

    [Fact]
    public void Outcomes_need_an_approved_project()
    {
        var submitted = Submitted();
        Assert.Throws<RuleViolationException>(() => submitted.RecordOutcome(OutcomeKind.Variety, "黔薯8号", new DateOnly(2024, 5, 1), 30m, Now));

        var approved = Approved();
        var outcome = approved.RecordOutcome(OutcomeKind.Technique, "水肥一体化", new DateOnly(2024, 5, 1), null, Now);
        Assert.Equal(OutcomeKind.Technique, Assert.Single(approved.Outcomes).Kind);
        Assert.Equal(outcome.Id, approved.Outcomes[0].Id);
    }

    [Theory]
    [InlineData(true, ProjectStatus.Accepted)]
    [InlineData(false, ProjectStatus.FailedAcceptance)]
    public void Acceptance_ends_an_approved_project(bool passed, ProjectStatus expected)
    {
        var project = Approved();
        project.RecordAcceptance(new DateOnly(2025, 12, 20), passed, Now);

        Assert.Equal(expected, project.Status);
        Assert.Throws<RuleViolationException>(() => project.RecordAcceptance(new DateOnly(2025, 12, 21), true, Now));
        Assert.Throws<RuleViolationException>(() => project.Disburse(new DateOnly(2025, 12, 22), 1m, Now));
    }

    [Fact]
    public void A_submitted_project_cannot_go_to_acceptance()
    {
        var project = Submitted();

        Assert.Throws<RuleViolationException>(() => project.RecordAcceptance(new DateOnly(2024, 12, 1), true, Now));
        Assert.Equal(ProjectStatus.Submitted, project.Status);
    }
}
