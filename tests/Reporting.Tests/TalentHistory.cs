using CountyTech.Contracts.Talent;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// Three years of a township's talent work (Y-2 to Y, and records of Y+1 that count for nothing), as the Talent service
/// would publish it, with the year-boundary dates of INDICATORS.md: dispatches on 01-01 and 12-31, departures on 12-31
/// and on the next 01-01, certifications and trainings on the first and last days; and the talent indicators of Y.
/// </summary>
public static class TalentHistory
{
    /// <summary>code → value in Y, value in Y-1, change in %.</summary>
    public static readonly IReadOnlyDictionary<string, (decimal? Value, decimal? Previous, decimal? Yoy)> Indicators =
        new Dictionary<string, (decimal?, decimal?, decimal?)>
        {
            ["experts_introduced"] = (2m, 1m, 100m),
            // Y: c (01-01), h, e (12-31); Y-1: a (01-01), d, b, i (12-31).
            ["commissioners_dispatched"] = (3m, 4m, -25m),
            // end(Y): g, a, i, c, e (leaves on Y+1-01-01); b leaves on Y-12-31, h in Y. end(Y-1): g, a, b, i; d leaves on 12-31.
            ["commissioners_active"] = (5m, 4m, 25m),
            // Y: b and h leave, 4 in post on Y-01-01 (g, a, b, i) → 50 %; Y-1: d leaves, 1 in post on Y-1-01-01 (g) → 100 %.
            ["commissioner_turnover"] = (50m, 100m, -50m),
            ["demo_bases"] = (2m, 1m, 100m),
            ["demo_households"] = (4m, 2m, 100m),
            ["training_sessions"] = (3m, 4m, -25m),
            ["training_participants"] = (120m, 100m, 20m),
        };

    public static IReadOnlyList<Delivery> Of(int year, string township)
    {
        var (before, twoBefore, after) = (year - 1, year - 2, year + 1);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid(), e = Guid.NewGuid(),
            f = Guid.NewGuid(), g = Guid.NewGuid(), h = Guid.NewGuid(), i = Guid.NewGuid();
        Delivery Dispatch(Guid id, DateOnly on) =>
            Delivery.Of(new CommissionerDispatched(id, "特派员", "果树栽培", township, "示范村", "县农业农村局", on));
        Delivery Depart(Guid id, DateOnly dispatchedOn, DateOnly leftOn) =>
            Delivery.Of(new CommissionerDeparted(id, township, dispatchedOn, leftOn, "任期届满"));
        Delivery Log(Guid id, DateOnly dispatchedOn, DateOnly servedOn, int days) =>
            Delivery.Of(new CommissionerServiceLogged(id, Guid.NewGuid(), township, dispatchedOn, servedOn, days, days * 3));
        Delivery Expert(DateOnly on) => Delivery.Of(new ExpertIntroduced(Guid.NewGuid(), "专家", "省农科院", "水稻育种", on, on.AddYears(2)));
        Delivery Base(DateOnly on) => Delivery.Of(new DemonstrationBaseCertified(Guid.NewGuid(), "示范基地", township, "柑橘", 120.5m, on));
        Delivery Household(DateOnly on, Guid? coach) => Delivery.Of(new DemonstrationHouseholdCertified(Guid.NewGuid(), "示范户", township, on, 8, coach));
        Delivery Training(DateOnly on, int sessions, int participants) =>
            Delivery.Of(new TrainingHeld(Guid.NewGuid(), "实用技术培训", township, on, sessions, participants));

        return
        [
            Dispatch(g, new(twoBefore, 5, 1)),
            Base(new(twoBefore, 12, 31)),

            // Y-1
            Dispatch(a, new(before, 1, 1)),
            Dispatch(d, new(before, 3, 1)),
            Dispatch(b, new(before, 6, 1)),
            Log(b, new(before, 6, 1), new(before, 6, 30), 30),
            Depart(d, new(before, 3, 1), new(before, 12, 31)),
            Dispatch(i, new(before, 12, 31)),
            Expert(new(before, 6, 1)),
            Household(new(before, 1, 1), a),
            Household(new(before, 12, 31), null),
            Training(new(before, 7, 1), 4, 100),

            // Y
            Dispatch(c, new(year, 1, 1)),
            Log(a, new(before, 1, 1), new(year, 1, 1), 1),
            Dispatch(h, new(year, 7, 1)),
            Depart(h, new(year, 7, 1), new(year, 9, 30)),
            Log(b, new(before, 6, 1), new(year, 12, 31), 200),
            Depart(b, new(before, 6, 1), new(year, 12, 31)),
            Dispatch(e, new(year, 12, 31)),
            Expert(new(year, 1, 1)),
            Expert(new(year, 12, 31)),
            Base(new(year, 12, 31)),
            Household(new(year, 6, 1), c),
            Household(new(year, 12, 31), null),
            Training(new(year, 1, 1), 2, 80),
            Training(new(year, 12, 31), 1, 40),

            // Y+1: nothing of it counts in Y.
            Depart(e, new(year, 12, 31), new(after, 1, 1)),
            Dispatch(f, new(after, 1, 1)),
            Expert(new(after, 1, 1)),
            Base(new(after, 1, 1)),
            Household(new(after, 1, 1), null),
            Training(new(after, 1, 1), 9, 900),
        ];
    }
}
