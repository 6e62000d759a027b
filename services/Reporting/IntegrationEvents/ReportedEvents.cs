using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.IntegrationEvents;

/// <summary>
/// Every event type Reporting consumes, with its projections. An area takes in an event with one
/// <see cref="Consume{TEvent, TProjection}"/> line: its consumer, queue, event log and rebuild follow.
/// </summary>
public sealed class ReportedEvents(IServiceCollection services)
{
    private readonly Dictionary<string, ReportedEvent> _byName = new(StringComparer.Ordinal);

    public IEnumerable<ReportedEvent> All => _byName.Values;

    /// <summary>Consumes <typeparamref name="TEvent"/> into the event log and applies <typeparamref name="TProjection"/> to it.</summary>
    public ReportedEvents Consume<TEvent, TProjection>()
        where TEvent : class
        where TProjection : class, IProjection<TEvent>
    {
        services.AddScoped<IProjection<TEvent>, TProjection>();
        var reported = new ReportedEvent<TEvent>();
        _byName.TryAdd(reported.Name, reported);
        return this;
    }

    /// <summary>The registered event type logged under <paramref name="name"/>, or null if it is no longer consumed.</summary>
    public ReportedEvent? Find(string name) => _byName.GetValueOrDefault(name);

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        foreach (var reported in All)
        {
            reported.AddConsumer(bus);
        }
    }
}
