namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// A row of a projection (事实表), built from one event alone and keyed by the natural id that event carries (a
/// project, an outcome, a disbursement). Every projection table is made of them: <c>rebuild</c> empties them all and
/// replays the event log.
/// </summary>
public interface IFact
{
    /// <summary>The event the row was built from. Of two events for the same key, the one written later wins.</summary>
    Guid MessageId { get; }
}
