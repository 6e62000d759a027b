using CountyTech.Contracts.IntellectualProperty;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// Two years of a county's patents, technology contracts and achievements (year Y and Y-1) in one township, as the
/// Intellectual Property service would publish them, with edge dates (Jan 1st, Dec 31st, the next Jan 1st), a grant
/// and a lapse on Dec 31st, and events that count for nothing (a rejection, a design's lapse), and the eight indicators
/// they give with a population of 400,000 in Y and 500,000 in Y-1.
/// </summary>
public static class IntellectualPropertyHistory
{
    public const int Population = 400_000;

    /// <summary>Reporting reads no application or registration number; every event carries this one.</summary>
    private const string Number = "201710601862.3";
    public const int PopulationBefore = 500_000;

    /// <summary>code → value in Y, value in Y-1, change in %.</summary>
    public static readonly IReadOnlyDictionary<string, (decimal? Value, decimal? Previous, decimal? Yoy)> Indicators =
        new Dictionary<string, (decimal?, decimal?, decimal?)>
        {
            ["patent_applications"] = (5m, 2m, 150m),
            ["invention_applications"] = (3m, 2m, 50m),
            ["patent_grants"] = (4m, 1m, 300m),
            ["invention_grants"] = (2m, 1m, 100m),
            // In force at the end of Y: the invention granted in Y-1 that lapses on the next Jan 1st and the one granted
            // on Dec 31st, not the one lapsed on Dec 31st: 2 / 400,000 × 10,000. At the end of Y-1: 1 / 500,000 × 10,000.
            ["invention_patents_per_10k"] = (0.05m, 0.02m, 150m),
            ["tech_contracts"] = (3m, 1m, 200m),
            ["tech_contract_turnover"] = (140.2575m, 50m, 180.515m),
            ["achievements_registered"] = (2m, 1m, 100m),
        };

    public static IReadOnlyList<Delivery> Of(int year, string township)
    {
        var before = year - 1;
        Guid rice = Guid.NewGuid(), tea = Guid.NewGuid(), kiln = Guid.NewGuid(), pump = Guid.NewGuid(), bottle = Guid.NewGuid(),
            dryer = Guid.NewGuid(), sorter = Guid.NewGuid(), press = Guid.NewGuid();
        return
        [
            // Y-1: two inventions filed, one granted in Y-1 that lapses on the Jan 1st after Y.
            Filed(rice, PatentType.Invention, township, new(before, 1, 1)),
            Granted(rice, PatentType.Invention, township, new(before, 1, 1), new(before, 9, 1)),
            Delivery.Of(new PatentLapsed(rice, Number, PatentType.Invention, null, township, new(before, 9, 1), new(year + 1, 1, 1))),
            Filed(tea, PatentType.Invention, township, new(before, 12, 31)),

            // Y: three inventions filed (one granted, then lapsed on Dec 31st), a utility model and a design (rejected); the
            // invention filed on Dec 31st of Y-1 granted on Dec 31st; a utility model and a design of Y-2 granted (the
            // design lapses); a filing of the next Jan 1st.
            Granted(tea, PatentType.Invention, township, new(before, 12, 31), new(year, 12, 31)),
            Filed(kiln, PatentType.Invention, township, new(year, 1, 1)),
            Granted(kiln, PatentType.Invention, township, new(year, 1, 1), new(year, 6, 1)),
            Delivery.Of(new PatentLapsed(kiln, Number, PatentType.Invention, null, township, new(year, 6, 1), new(year, 12, 31))),
            Filed(dryer, PatentType.Invention, township, new(year, 4, 4)),
            Filed(sorter, PatentType.Invention, township, new(year, 12, 31)),
            Filed(pump, PatentType.UtilityModel, township, new(before - 1, 6, 1)),
            Granted(pump, PatentType.UtilityModel, township, new(before - 1, 6, 1), new(year, 3, 1)),
            Filed(Guid.NewGuid(), PatentType.UtilityModel, township, new(year, 7, 7)),
            Filed(bottle, PatentType.Design, township, new(year, 2, 2)),
            Delivery.Of(new PatentRejected(bottle, Number, PatentType.Design, township, new(year, 10, 10))),
            Filed(press, PatentType.Design, township, new(before - 1, 5, 5)),
            Granted(press, PatentType.Design, township, new(before - 1, 5, 5), new(year, 5, 5)),
            Delivery.Of(new PatentLapsed(press, Number, PatentType.Design, null, township, new(year, 5, 5), new(year, 8, 8))),
            Filed(Guid.NewGuid(), PatentType.Invention, township, new(year + 1, 1, 1)),

            // Y-1: a contract and an achievement on Dec 31st. Y: three contracts and two achievements from Jan 1st to
            // Dec 31st. A contract of the next Jan 1st.
            Contract(TechnologyContractType.Transfer, 50m, new(before, 12, 31)),
            Contract(TechnologyContractType.Development, 85.5m, new(year, 1, 1)),
            Contract(TechnologyContractType.Service, 0.0075m, new(year, 6, 1)),
            Contract(TechnologyContractType.Consulting, 54.75m, new(year, 12, 31)),
            Contract(TechnologyContractType.Development, 999m, new(year + 1, 1, 1)),
            Achievement(AchievementType.Applied, new(before, 12, 31)),
            Achievement(AchievementType.Basic, new(year, 1, 1)),
            Achievement(AchievementType.SoftScience, new(year, 12, 31)),
        ];
    }

    private static Delivery Filed(Guid patent, PatentType type, string township, DateOnly filedOn) =>
        Delivery.Of(new PatentFiled(patent, Number, "一种茶叶揉捻装置", type, "某茶业科技有限公司", null, township, filedOn));

    private static Delivery Granted(Guid patent, PatentType type, string township, DateOnly filedOn, DateOnly grantedOn) =>
        Delivery.Of(new PatentGranted(patent, Number, type, "某茶业科技有限公司", "91350100M000100Y43", township, filedOn, grantedOn));

    private static Delivery Contract(TechnologyContractType type, decimal amountWan, DateOnly signedOn) =>
        Delivery.Of(new TechnologyContractRegistered(Guid.NewGuid(), Number, type, amountWan, signedOn, "县农业科学研究所", null, "某茶业有限公司"));

    private static Delivery Achievement(AchievementType type, DateOnly registeredOn) =>
        Delivery.Of(new AchievementRegistered(Guid.NewGuid(), Number, "高山茶园病虫害绿色防控技术", type, registeredOn, "县茶叶产业发展中心"));
}
