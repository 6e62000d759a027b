namespace CountyTech.Gateway.Idempotency;

internal static class IdempotencySetup
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencyCleanup>();
        return builder;
    }
}
