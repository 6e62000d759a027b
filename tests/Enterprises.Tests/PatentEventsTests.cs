using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Enterprises.Apis;
using CountyTech.Enterprises.Domain;
using CountyTech.Messaging.Inbox;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Enterprises.Tests;

/// <summary>
/// "Owns granted IP" from the Intellectual-property service's events, published to the real broker: once in effect under
/// duplicates, the same in either order, matched by the applicant's credit code.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PatentEventsTests(InfrastructureFixture infrastructure) : EnterpriseServiceTest(infrastructure)
{
    private static (PatentGranted Granted, PatentLapsed Lapsed) Patent(string creditCode, string grantedOn, string lapsedOn)
    {
        var id = Guid.NewGuid();
        var applicationNo = "20231" + Random.Shared.Next(1_000_000, 9_999_999) + ".X";
        return (
            new PatentGranted(id, applicationNo, PatentType.Invention, "某某科技有限公司", creditCode, "城关镇", new DateOnly(2021, 3, 1), DateOnly.Parse(grantedOn)),
            new PatentLapsed(id, applicationNo, PatentType.Invention, creditCode, "城关镇", DateOnly.Parse(grantedOn), DateOnly.Parse(lapsedOn)));
    }

    private async Task<decimal?> PatentsInForceAsync(Guid enterpriseId, int year) =>
        (await GetAsync<HighTechEligibilityResponse>($"/api/v1/enterprises/{enterpriseId}/high-tech-eligibility?year={year}"))
            .Criteria.Single(c => c.Criterion == HighTechCriterion.OwnsGrantedIp).Actual;

    [Fact]
    public async Task A_granted_patent_counts_until_it_lapses_and_duplicates_change_nothing()
    {
        var enterprise = await RegisterAsync();
        var (granted, lapsed) = Patent(enterprise.CreditCode.ToLowerInvariant(), "2022-05-10", "2024-12-31");
        var (grantedId, lapsedId) = (Guid.NewGuid(), Guid.NewGuid());

        await Service.PublishAsync([(granted, grantedId), (granted, grantedId), (lapsed, lapsedId), (granted, grantedId), (lapsed, lapsedId)]);

        Assert.Equal([0m, 1m, 1m, 0m], [await PatentsInForceAsync(enterprise.Id, 2021), await PatentsInForceAsync(enterprise.Id, 2022),
            await PatentsInForceAsync(enterprise.Id, 2023), await PatentsInForceAsync(enterprise.Id, 2024)]);
        var patent = await Service.ReadAsync(db => db.GrantedPatents.AsNoTracking().SingleAsync());
        Assert.Equal((enterprise.CreditCode, new DateOnly(2022, 5, 10), new DateOnly(2024, 12, 31)), (patent.CreditCode, patent.GrantedOn, patent.LapsedOn));
        Assert.Equal(2, await Service.ReadAsync(db => db.Set<InboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_lapse_arriving_before_its_grant_gives_the_same_state()
    {
        var enterprise = await RegisterAsync();
        var (inOrderGranted, inOrderLapsed) = Patent(enterprise.CreditCode, "2020-01-15", "2023-06-30");
        var (reversedGranted, reversedLapsed) = Patent(enterprise.CreditCode, "2020-01-15", "2023-06-30");

        await Service.PublishAsync([(inOrderGranted, Guid.NewGuid())]);
        await Service.PublishAsync([(inOrderLapsed, Guid.NewGuid())]);
        await Service.PublishAsync([(reversedLapsed, Guid.NewGuid())]);
        await Service.PublishAsync([(reversedGranted, Guid.NewGuid())]);

        var patents = await Service.ReadAsync(db => db.GrantedPatents.AsNoTracking().ToListAsync());
        var inOrder = patents.Single(p => p.PatentId == inOrderGranted.PatentId);
        var reversed = patents.Single(p => p.PatentId == reversedGranted.PatentId);
        Assert.Equal((inOrder.CreditCode, inOrder.ApplicationNo[..5], inOrder.GrantedOn, inOrder.LapsedOn),
            (reversed.CreditCode, reversed.ApplicationNo[..5], reversed.GrantedOn, reversed.LapsedOn));
        Assert.Equal([2m, 0m], [await PatentsInForceAsync(enterprise.Id, 2022), await PatentsInForceAsync(enterprise.Id, 2023)]);
    }

    [Fact]
    public async Task Patents_without_a_credit_code_or_of_another_code_do_not_count()
    {
        var enterprise = await RegisterAsync();
        var (anonymous, anonymousLapse) = Patent(" ", "2022-05-10", "2030-01-01");
        var (otherOwner, _) = Patent(CreditCodes.NewValid(), "2022-05-10", "2030-01-01");

        await Service.PublishAsync([(anonymous with { ApplicantCreditCode = null }, Guid.NewGuid()), (anonymousLapse, Guid.NewGuid()), (otherOwner, Guid.NewGuid())]);

        Assert.Equal(0m, await PatentsInForceAsync(enterprise.Id, 2023));
        Assert.Equal(otherOwner.PatentId, (await Service.ReadAsync(db => db.GrantedPatents.AsNoTracking().SingleAsync())).PatentId);
        Assert.Equal(3, await Service.ReadAsync(db => db.Set<InboxMessage>().CountAsync()));
    }
}
