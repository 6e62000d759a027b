using CountyTech.Contracts.Projects;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// Two years of a county's projects (year Y and Y-1) in one township, as the Projects service would publish them,
/// with edge dates (Jan 1st, Dec 31st, the next Jan 1st) and events that count for nothing (a rejection, a failed
/// acceptance, a submission), and the project indicators they must give.
/// </summary>
public static class ProjectHistory
{
    /// <summary>code → value in Y, value in Y-1, change in %.</summary>
    public static readonly IReadOnlyDictionary<string, (decimal? Value, decimal? Previous, decimal? Yoy)> Indicators =
        new Dictionary<string, (decimal?, decimal?, decimal?)>
        {
            ["upper_projects"] = (2m, 1m, 100m),
            ["upper_funding"] = (150.75m, 50m, 201.5m),
            ["county_projects"] = (1m, 1m, 0m),
            ["projects_accepted"] = (2m, 0m, null),
            ["varieties_introduced"] = (2m, 0m, null),
            ["techniques_promoted"] = (1m, 1m, 0m),
        };

    public static IReadOnlyList<Delivery> Of(int year, string township)
    {
        var before = year - 1;
        Guid tea = Guid.NewGuid(), seedlings = Guid.NewGuid(), kiwi = Guid.NewGuid(), rice = Guid.NewGuid(),
            biogas = Guid.NewGuid(), duplicate = Guid.NewGuid(), nextYear = Guid.NewGuid();
        return
        [
            // Y-1: one provincial and one county approval, one technique.
            Delivery.Of(new ProjectApproved(tea, ProjectLevel.Provincial, ProjectField.Agriculture, township, new(before, 3, 10), 50m)),
            Delivery.Of(new ProjectApproved(seedlings, ProjectLevel.County, ProjectField.Agriculture, township, new(before, 5, 1), 8m)),
            Delivery.Of(new ProjectOutcomeRecorded(tea, Guid.NewGuid(), OutcomeKind.Technique, "茶园绿色防控", township, new(before, 12, 31), 300m)),

            // Y: a national project submitted in Y-1, approved, paid, with two outcomes, accepted on Dec 31st.
            Delivery.Of(new ProjectSubmitted(kiwi, "猕猴桃良种引进与示范", ProjectLevel.National, ProjectField.Agriculture,
                "县农业科学研究所", null, township, new(before, 12, 1), new(year + 1, 12, 31), 200m, new(before, 11, 20))),
            Delivery.Of(new ProjectApproved(kiwi, ProjectLevel.National, ProjectField.Agriculture, township, new(year, 2, 14), 120.5m)),
            Delivery.Of(new ProjectFundsDisbursed(kiwi, Guid.NewGuid(), ProjectLevel.National, township, new(year, 3, 1), 60m)),
            Delivery.Of(new ProjectOutcomeRecorded(kiwi, Guid.NewGuid(), OutcomeKind.Variety, "红阳猕猴桃", township, new(year, 6, 1), 120m)),
            Delivery.Of(new ProjectOutcomeRecorded(kiwi, Guid.NewGuid(), OutcomeKind.Technique, "水肥一体化", township, new(year, 7, 1), null)),
            Delivery.Of(new ProjectAccepted(kiwi, ProjectLevel.National, ProjectField.Agriculture, township, new(year, 12, 31), true)),

            // Y: a municipal project approved on Jan 1st with a variety; a county one approved on Dec 31st that fails acceptance.
            Delivery.Of(new ProjectApproved(rice, ProjectLevel.Municipal, ProjectField.Agriculture, township, new(year, 1, 1), 30.25m)),
            Delivery.Of(new ProjectOutcomeRecorded(rice, Guid.NewGuid(), OutcomeKind.Variety, "再生稻新品种", township, new(year, 9, 9), 500m)),
            Delivery.Of(new ProjectApproved(biogas, ProjectLevel.County, ProjectField.Livelihood, township, new(year, 12, 31), 10m)),
            Delivery.Of(new ProjectAccepted(biogas, ProjectLevel.County, ProjectField.Livelihood, township, new(year, 6, 30), false)),

            // Y: a rejected application; the Y-1 provincial project accepted; a project approved the next Jan 1st.
            Delivery.Of(new ProjectRejected(duplicate, ProjectLevel.County, ProjectField.Other, township, new(year, 4, 1), "重复申报")),
            Delivery.Of(new ProjectAccepted(tea, ProjectLevel.Provincial, ProjectField.Agriculture, township, new(year, 3, 3), true)),
            Delivery.Of(new ProjectApproved(nextYear, ProjectLevel.Provincial, ProjectField.Industry, township, new(year + 1, 1, 1), 999m)),
        ];
    }
}
