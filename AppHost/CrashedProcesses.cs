using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CountyTech.AppHost;

/// <summary>
/// A container orchestrator's restart policy, where the platform runs as local processes: a service, the gateway,
/// PostgreSQL or RabbitMQ that exits without being asked to (killed, crashed) is started again by the orchestrator
/// (<see cref="CrashedProcessRestarter"/>). <c>--CrashedProcesses:Restart=false</c> turns it off: the fault campaign
/// starts killed processes again itself, with a TCP fault proxy in their way to the broker.
/// </summary>
internal static class CrashedProcesses
{
    public const string RestartKey = "CrashedProcesses:Restart";

    public static IDistributedApplicationBuilder RestartCrashedProcesses(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(RestartKey, defaultValue: true))
        {
            builder.Services.AddHostedService<CrashedProcessRestarter>();
        }

        return builder;
    }
}

/// <summary>
/// Watches every process resource; one that goes from running to exited without passing through <i>stopping</i> (the
/// dashboard's Stop, the AppHost shutting down) is started again with Aspire's start command — the dashboard's Start
/// button — after 1 s, the wait doubling up to 30 s while it keeps exiting within a minute of its last start.
/// </summary>
internal sealed class CrashedProcessRestarter(
    ResourceNotificationService notifications, ResourceCommandService commands, IHostApplicationLifetime lifetime,
    ILogger<CrashedProcessRestarter> logger) : BackgroundService
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, string?> _states = [];
    private readonly Dictionary<string, (DateTimeOffset At, TimeSpan Wait)> _restarts = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (update.Resource is not (ProjectResource or ExecutableResource))
            {
                continue;
            }

            var state = update.Snapshot.State?.Text;
            _states.TryGetValue(update.ResourceId, out var previous);
            _states[update.ResourceId] = state;
            var crashed = state != previous
                && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished)
                && (previous == KnownResourceStates.Running || previous == KnownResourceStates.Starting);
            if (!crashed || lifetime.ApplicationStopping.IsCancellationRequested)
            {
                continue;
            }

            var wait = NextWait(update.ResourceId);
            logger.LogWarning("{Resource} exited (exit code {ExitCode}) without being asked to stop; starting it again in {Wait}",
                update.ResourceId, update.Snapshot.ExitCode, wait);
            _ = StartAgainAsync(update.ResourceId, wait, stoppingToken);
        }
    }

    private TimeSpan NextWait(string resourceId)
    {
        var now = DateTimeOffset.UtcNow;
        var wait = _restarts.TryGetValue(resourceId, out var last) && now - last.At < Settled + last.Wait
            ? TimeSpan.FromTicks(Math.Min(last.Wait.Ticks * 2, LongestWait.Ticks))
            : FirstWait;
        _restarts[resourceId] = (now, wait);
        return wait;
    }

    private async Task StartAgainAsync(string resourceId, TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, stoppingToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return;
            }

            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (result.Success)
            {
                logger.LogInformation("{Resource} started again", resourceId);
            }
            else
            {
                logger.LogError("{Resource} could not be started again: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping: nothing to start.
        }
    }
}
