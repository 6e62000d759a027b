using CountyTech.Reporting.Infrastructure;

namespace CountyTech.Reporting.IntegrationEvents;

/// <summary>
/// Turns one integration event into projection rows (投影). Runs in the consumer's transaction, and again for every
/// logged event on <c>rebuild</c>. It must give the same rows whatever order events arrive in: build rows from what
/// the event itself carries, keyed by natural ids, and write them with
/// <see cref="FactRecording.RecordAsync{TFact}(ReportingDbContext, TFact, CancellationToken)"/>.
/// </summary>
public interface IProjection<in TEvent> where TEvent : class
{
    Task ApplyAsync(TEvent integrationEvent, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken);
}
