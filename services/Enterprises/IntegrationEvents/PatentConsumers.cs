using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Enterprises.Domain;
using CountyTech.Enterprises.Infrastructure;
using CountyTech.Messaging.Inbox;
using MassTransit;

namespace CountyTech.Enterprises.IntegrationEvents;

/// <summary>
/// Learns that a patent was granted to an enterprise's credit code (for "owns granted IP"). Once per message; a grant
/// that arrives after its lapse finds the patent already known and changes nothing. A patent without the applicant's
/// credit code belongs to no enterprise here and is ignored.
/// </summary>
public sealed class PatentGrantedConsumer(IServiceProvider services, TimeProvider clock, ILogger<PatentGrantedConsumer> logger)
    : IdempotentConsumer<EnterprisesDbContext, PatentGranted>(services, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PatentGranted> context, EnterprisesDbContext db, CancellationToken cancellationToken)
    {
        var granted = context.Message;
        if (PatentOwner.Of(granted.ApplicantCreditCode) is not { } creditCode
            || await db.GrantedPatents.FindAsync([granted.PatentId], cancellationToken) is not null)
        {
            return;
        }

        db.GrantedPatents.Add(GrantedPatent.Granted(granted.PatentId, granted.ApplicationNo, creditCode, granted.GrantedOn));
    }
}

/// <summary>
/// Learns that a granted patent lapsed. Once per message; a lapse that arrives before its grant records the patent from
/// the lapse (which names the grant date too), so the result is the same in either order.
/// </summary>
public sealed class PatentLapsedConsumer(IServiceProvider services, TimeProvider clock, ILogger<PatentLapsedConsumer> logger)
    : IdempotentConsumer<EnterprisesDbContext, PatentLapsed>(services, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PatentLapsed> context, EnterprisesDbContext db, CancellationToken cancellationToken)
    {
        var lapsed = context.Message;
        if (PatentOwner.Of(lapsed.ApplicantCreditCode) is not { } creditCode)
        {
            return;
        }

        var patent = await db.GrantedPatents.FindAsync([lapsed.PatentId], cancellationToken);
        if (patent is null)
        {
            patent = GrantedPatent.Granted(lapsed.PatentId, lapsed.ApplicationNo, creditCode, lapsed.GrantedOn);
            db.GrantedPatents.Add(patent);
        }

        patent.Lapse(lapsed.LapsedOn);
    }
}

/// <summary>The enterprise a patent belongs to: its applicant's credit code as the Enterprises service stores codes.</summary>
internal static class PatentOwner
{
    public static string? Of(string? applicantCreditCode) =>
        string.IsNullOrWhiteSpace(applicantCreditCode) ? null : applicantCreditCode.Trim().ToUpperInvariant();
}
