using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;

namespace CountyTech.Reporting.Areas.IntellectualProperty;

/// <summary>
/// The projections of the intellectual-property area (知识产权与成果转化): each event becomes one fact row built from
/// what it carries (type, township, business dates; a lapse its grant date too), so no event waits for another: a
/// grant or a lapse consumed before the filing gives the same tables.
/// </summary>
public sealed class IntellectualPropertyProjections :
    IProjection<PatentFiled>,
    IProjection<PatentGranted>,
    IProjection<PatentRejected>,
    IProjection<PatentLapsed>,
    IProjection<TechnologyContractRegistered>,
    IProjection<AchievementRegistered>
{
    public Task ApplyAsync(PatentFiled e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new PatentFiling
        {
            PatentId = e.PatentId, MessageId = messageId, Type = e.Type, Township = e.Township, FiledOn = e.FiledOn,
        }, cancellationToken);

    public Task ApplyAsync(PatentGranted e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new PatentGrant
        {
            PatentId = e.PatentId, MessageId = messageId, Type = e.Type, Township = e.Township, GrantedOn = e.GrantedOn,
        }, cancellationToken);

    public Task ApplyAsync(PatentRejected e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new PatentRejection
        {
            PatentId = e.PatentId, MessageId = messageId, Type = e.Type, Township = e.Township, RejectedOn = e.RejectedOn,
        }, cancellationToken);

    public Task ApplyAsync(PatentLapsed e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new PatentLapse
        {
            PatentId = e.PatentId, MessageId = messageId, Type = e.Type, Township = e.Township, GrantedOn = e.GrantedOn,
            LapsedOn = e.LapsedOn,
        }, cancellationToken);

    public Task ApplyAsync(TechnologyContractRegistered e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new TechnologyContractRegistration
        {
            ContractId = e.ContractId, MessageId = messageId, Type = e.Type, SignedOn = e.SignedOn, AmountWan = e.AmountWan,
        }, cancellationToken);

    public Task ApplyAsync(AchievementRegistered e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new AchievementRegistration
        {
            AchievementId = e.AchievementId, MessageId = messageId, Type = e.Type, RegisteredOn = e.RegisteredOn,
        }, cancellationToken);
}
