using CountyTech.Contracts.Talent;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;

namespace CountyTech.Reporting.Areas.Talent;

/// <summary>
/// The projections of the talent area (人才): each event becomes fact rows built from what it carries (township,
/// business dates, counts), so no event waits for another and any arrival order gives the same tables. A departure also
/// writes its commissioner's dispatch row (it carries the dispatch date), so a departure consumed before its dispatch
/// leaves the same two rows as the other order, whatever the order of their message ids.
/// </summary>
public sealed class TalentProjections :
    IProjection<ExpertIntroduced>,
    IProjection<CommissionerDispatched>,
    IProjection<CommissionerServiceLogged>,
    IProjection<CommissionerDeparted>,
    IProjection<DemonstrationBaseCertified>,
    IProjection<DemonstrationHouseholdCertified>,
    IProjection<TrainingHeld>
{
    public Task ApplyAsync(ExpertIntroduced e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new ExpertIntroduction
        {
            ExpertId = e.ExpertId, MessageId = messageId, IntroducedOn = e.IntroducedOn, AgreementEnd = e.AgreementEnd,
        }, cancellationToken);

    public Task ApplyAsync(CommissionerDispatched e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new CommissionerDispatch
        {
            CommissionerId = e.CommissionerId, MessageId = messageId, Township = e.Township, DispatchedOn = e.DispatchedOn,
        }, cancellationToken);

    public Task ApplyAsync(CommissionerServiceLogged e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new CommissionerServiceLog
        {
            ServiceLogId = e.ServiceLogId, MessageId = messageId, CommissionerId = e.CommissionerId, Township = e.Township,
            ServedOn = e.ServedOn, Days = e.Days, FarmersServed = e.FarmersServed,
        }, cancellationToken);

    public async Task ApplyAsync(CommissionerDeparted e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken)
    {
        await db.RecordAsync(new CommissionerDispatch
        {
            CommissionerId = e.CommissionerId, MessageId = messageId, Township = e.Township, DispatchedOn = e.DispatchedOn,
        }, cancellationToken);
        await db.RecordAsync(new CommissionerDeparture
        {
            CommissionerId = e.CommissionerId, MessageId = messageId, Township = e.Township, LeftOn = e.LeftOn,
        }, cancellationToken);
    }

    public Task ApplyAsync(DemonstrationBaseCertified e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new DemonstrationBaseCertification
        {
            BaseId = e.BaseId, MessageId = messageId, Township = e.Township, Industry = e.Industry, AreaMu = e.AreaMu,
            CertifiedOn = e.CertifiedOn,
        }, cancellationToken);

    public Task ApplyAsync(DemonstrationHouseholdCertified e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new DemonstrationHouseholdCertification
        {
            HouseholdId = e.HouseholdId, MessageId = messageId, Township = e.Township, CertifiedOn = e.CertifiedOn,
            HouseholdsReached = e.HouseholdsReached, CommissionerId = e.CommissionerId,
        }, cancellationToken);

    public Task ApplyAsync(TrainingHeld e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new Training
        {
            TrainingId = e.TrainingId, MessageId = messageId, Township = e.Township, HeldOn = e.HeldOn, Sessions = e.Sessions,
            Participants = e.Participants,
        }, cancellationToken);
}
