using CountyTech.Contracts.Enterprises;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Contracts.Projects;
using CountyTech.Contracts.Talent;
using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The totals kept by the database in the consumer's transaction (the flows', and the distinct counts' and stocks'),
/// against the same totals derived afresh from the facts and against a rebuild from the event log: every indicator,
/// county-wide and by township, must be the same.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FlowTotalsTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private const int Year = CountyScenario.Year;

    [Fact]
    public async Task Every_indicator_from_the_maintained_totals_equals_it_derived_from_the_facts_and_after_a_rebuild()
    {
        var other = Township + "乙";
        await CountyScenario.EnterAsync(this, Service, Township);
        await Service.DeliverAsync(
        [
            .. ProjectHistory.Of(Year, other), .. TalentHistory.Of(Year, other), .. EnterpriseHistory.Of(Year, other),
            .. IntellectualPropertyHistory.Of(Year, other), .. Replacements(other), .. SubjectReplacements(other),
        ]);
        var maintained = await EveryIndicatorAsync();

        await Service.ReadAsync(async db =>
        {
            await FlowTotals.DeriveAsync(db, CancellationToken.None);
            await SubjectTotals.DeriveAsync(db, CancellationToken.None);
            return 0;
        });
        var derived = await EveryIndicatorAsync();
        await StartRebuildAsync();
        await RebuildEndedAsync();
        var rebuilt = await EveryIndicatorAsync();

        Assert.Equal(derived, maintained);
        Assert.Equal(derived, rebuilt);
        Assert.Contains($"upper_funding {Township} 2009=150.75", maintained);
        Assert.Contains($"high_tech_enterprises {other} {Year}=3", maintained);
    }

    /// <summary>
    /// Subjects whose facts change: an enterprise certified in both townships with overlapping certificates (once in each
    /// township's stock, once in the county's), one of them revoked afterwards; a commissioner's departure arriving before
    /// the dispatch and then moved a year later; a lapse arriving before its grant; a duplicate delivery.
    /// </summary>
    private IReadOnlyList<Delivery> SubjectReplacements(string other)
    {
        Guid enterprise = Guid.NewGuid(), commissioner = Guid.NewGuid(), patent = Guid.NewGuid();
        const string creditCode = "91350100M000100Y43";
        var here = new HighTechEnterpriseCertified(enterprise, creditCode, Township, $"GR{enterprise:N}"[..20], "电子信息", new(Year - 2, 3, 1), new(Year + 1, 3, 1));
        var there = new HighTechEnterpriseCertified(enterprise, creditCode, other, $"GS{enterprise:N}"[..20], "电子信息", new(Year, 2, 1), new(Year + 3, 2, 1));
        var revoked = new HighTechCertificateRevoked(enterprise, creditCode, Township, here.CertificateNo, here.IssuedOn, here.ExpiresOn, new(Year - 1, 6, 30), "不再符合认定条件");
        var departed = Delivery.Of(new CommissionerDeparted(commissioner, other, new(Year - 2, 4, 1), new(Year - 1, 4, 1), "任期届满"));
        var dispatched = Delivery.Of(new CommissionerDispatched(commissioner, "特派员", "果树栽培", other, "示范村", "县农业农村局", new(Year - 2, 4, 1)));
        var departedLater = Delivery.Of(new CommissionerDeparted(commissioner, other, new(Year - 2, 4, 1), new(Year, 4, 1), "任期届满"));
        var lapsed = Delivery.Of(new PatentLapsed(patent, "ZL200910000001.1", PatentType.Invention, null, other, new(Year - 3, 9, 1), new(Year, 12, 31)));
        var granted = Delivery.Of(new PatentGranted(patent, "ZL200910000001.1", PatentType.Invention, "甲公司", null, other, new(Year - 5, 1, 1), new(Year - 3, 9, 1)));
        return
        [
            Delivery.Of(here), Delivery.Of(there), Delivery.Of(new TechSmeRegistered(enterprise, creditCode, Township, Year, "2009-01")),
            Delivery.Of(new TechSmeRegistered(enterprise, creditCode, other, Year, "2009-02")), Delivery.Of(revoked),
            departed, dispatched, departedLater, departedLater, lapsed, granted,
        ];
    }

    /// <summary>
    /// Facts replaced by later events (moving a project's approval to another year, township and level, and back the
    /// other way in reverse arrival order), a training held again with other figures, and a duplicate delivery.
    /// </summary>
    private IReadOnlyList<Delivery> Replacements(string other)
    {
        Guid moved = Guid.NewGuid(), movedBack = Guid.NewGuid(), training = Guid.NewGuid();
        var first = Delivery.Of(new ProjectApproved(moved, ProjectLevel.County, ProjectField.Industry, Township, new(Year - 1, 12, 31), 7m));
        var later = Delivery.Of(new ProjectApproved(moved, ProjectLevel.National, ProjectField.Industry, other, new(Year, 1, 1), 70m));
        var earlier = Delivery.Of(new ProjectApproved(movedBack, ProjectLevel.Provincial, ProjectField.Industry, other, new(Year, 5, 5), 3m));
        var latest = Delivery.Of(new ProjectApproved(movedBack, ProjectLevel.County, ProjectField.Industry, Township, new(Year - 1, 5, 5), 4m));
        var held = Delivery.Of(new TrainingHeld(training, "果树修剪", Township, new(Year, 3, 1), 2, 40));
        var heldAgain = Delivery.Of(new TrainingHeld(training, "果树修剪", other, new(Year, 3, 2), 3, 55));
        return [first, later, latest, earlier, held, heldAgain, heldAgain];
    }

    /// <summary>Every indicator of the catalog for the scenario's years, county-wide and per township, one line per value.</summary>
    private Task<List<string>> EveryIndicatorAsync() => Service.ReadAsync(async db =>
    {
        var catalog = Service.Services.GetRequiredService<IndicatorCatalog>();
        var years = new YearRange(Year - 2, Year + 1);
        var lines = new List<string>();
        foreach (var indicator in catalog.All)
        {
            var code = indicator.Definition.Code;
            lines.AddRange((await indicator.Query.CountyAsync(db, years, CancellationToken.None)).Select(v => $"{code} {v.Year}={v.Value}"));
            if (indicator.Townships is { } townships)
            {
                lines.AddRange((await townships.ByTownshipAsync(db, years, CancellationToken.None))
                    .SelectMany(series => series.Points.Select(v => $"{code} {series.Township} {v.Year}={v.Value}")));
            }
        }

        return lines;
    });
}
