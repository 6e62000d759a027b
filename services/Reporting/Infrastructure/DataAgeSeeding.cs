using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// Gives the data-age gauge each source's latest event from the event log when the service starts, so that after a
/// restart it shows how old the indicators' newest data is instead of nothing until the next event. One grouped query
/// (the one <c>/status</c> runs), once; registered after the database migrator, as hosted services start in order.
/// </summary>
internal sealed class DataAgeSeeding(IServiceScopeFactory scopes, ReportingMetrics metrics) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var latest = await db.EventLog
            .GroupBy(e => e.Source)
            .Select(g => new { Source = g.Key, ReceivedAt = g.Max(e => e.ReceivedAt) })
            .ToListAsync(cancellationToken);
        foreach (var source in latest)
        {
            metrics.LatestEventReceived(source.Source, source.ReceivedAt);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
