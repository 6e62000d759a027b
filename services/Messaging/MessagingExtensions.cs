using System.Text.Json;
using System.Text.Json.Serialization;
using CountyTech.Messaging.Outbox;
using CountyTech.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CountyTech.Messaging;

/// <summary>Wires MassTransit over RabbitMQ (connection <c>messaging</c>) and a service's outbox relay.</summary>
public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// The bus: RabbitMQ from the <c>messaging</c> connection string, consumers registered by
    /// <paramref name="consumers"/> on kebab-case queues prefixed with <paramref name="serviceName"/>, transient
    /// infrastructure failures retried with backoff, anything else three quick retries and then the <c>_error</c>
    /// queue, and a start that waits for the broker connection; the broker in the readiness check (<c>/health</c>) and the
    /// depth of the service's <c>_error</c> queues in a gauge (<see cref="ErrorQueueMonitor"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(ConnectionName);
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ErrorQueueMonitor>(sp, connectionString));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ErrorQueueMonitor>());
        builder.Services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<ErrorQueueMonitor>());
        builder.Services.AddSingleton(new BrokerHealthCheck(connectionString));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            ConnectionName, sp => sp.GetRequiredService<BrokerHealthCheck>(), HealthStatus.Unhealthy, tags: null));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // MassTransit would post usage data to its vendor after start: outside the bureau's network, it fails and logs
            // a stack trace in every service.
            bus.DisableUsageTelemetry();
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // The relay sends each outbox row's payload as stored, in the house's JSON: enums by their kebab-case
                // names (numbers, as MassTransit writes them by default, are still read).
                rabbit.ConfigureJsonSerializerOptions(options =>
                {
                    if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
                    {
                        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
                    }

                    return options;
                });
                // Outer: a database or network outage is waited out (up to ~30 min) instead of filling the _error queues.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(20, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1))
                        .Handle<Exception>(TransientFailures.IsTransient);
                    retry.ConnectRetryObserver(ConsumeRetryCounter.Instance);
                });
                // Inner: anything else gets three quick tries, then the message goes to its _error queue.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Intervals(100, 500, 2000);
                    retry.ConnectRetryObserver(ConsumeRetryCounter.Instance);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddOptions<OutboxRelayOptions>().BindConfiguration("Outbox");
        return builder;
    }

    /// <summary>
    /// Publishes the outbox of <typeparamref name="TContext"/> in the background, woken by every commit of outbox rows in
    /// this process, and sweeps its sent rows.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxRelay<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOutboxSignal<TContext>();
        builder.Services.AddSingleton<OutboxRelay<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TContext>>());
        return builder.AddMessageRetention<TContext>();
    }

    /// <summary>
    /// Commits the deliveries of this service's <see cref="Inbox.IdempotentConsumer{TContext, TMessage}"/>s of
    /// <typeparamref name="TContext"/> in groups (<see cref="Inbox.InboxBatch{TContext}"/>, at most
    /// <c>Messaging:InboxBatch:MaxBatchSize</c> each). Call it before <see cref="AddMessaging"/>, so that it stops after the bus.
    /// </summary>
    public static IHostApplicationBuilder AddBatchedInbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<Inbox.InboxBatchOptions>().BindConfiguration("Messaging:InboxBatch");
        builder.Services.TryAddSingleton<Inbox.InboxBatch<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Inbox.InboxBatch<TContext>>());
        return builder;
    }

    /// <summary>
    /// Deletes the settled outbox and inbox rows of <typeparamref name="TContext"/> past their retention
    /// (<c>Messaging:Retention:*</c>). Added by <see cref="AddOutboxRelay{TContext}"/>; a consumer-only service adds it itself.
    /// </summary>
    public static IHostApplicationBuilder AddMessageRetention<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<MessageRetentionOptions>().BindConfiguration("Messaging:Retention");
        builder.Services.TryAddSingleton<MessageRetention<TContext>>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MessageRetention<TContext>>(
            sp => sp.GetRequiredService<MessageRetention<TContext>>()));
        return builder;
    }

    /// <summary>The relay's wake-up signal of <typeparamref name="TContext"/>, raised by its commits of outbox rows.</summary>
    public static IServiceCollection AddOutboxSignal<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.TryAddSingleton<OutboxSignal<TContext>>();
        services.TryAddSingleton<OutboxSignalInterceptor<TContext>>();
        services.ConfigureDbContext<TContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<OutboxSignalInterceptor<TContext>>()));
        return services;
    }

    /// <summary>Counts each delivery consumed again after a failure (<c>countytech.consumer.retries</c>).</summary>
    private sealed class ConsumeRetryCounter : IRetryObserver
    {
        public static readonly ConsumeRetryCounter Instance = new();

        public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext
        {
            MessagingMetrics.ConsumeRetries.Add(1);
            return Task.CompletedTask;
        }

        public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;

        public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

        public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

        public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;
    }
}
