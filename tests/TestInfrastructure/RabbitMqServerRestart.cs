namespace CountyTech.Testing;

/// <summary>
/// <c>server.StartAsync(ct)</c> after <see cref="RabbitMqServer.StopAsync"/>: the broker starts again on the same port
/// and is ready when the task completes. (An extension method, because the type already has the static
/// <see cref="RabbitMqServer.StartAsync(CancellationToken)"/> that creates a server, and C# forbids an instance method
/// with the same signature.)
/// </summary>
public static class RabbitMqServerRestart
{
    public static Task StartAsync(this RabbitMqServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.RestartAsync(cancellationToken);
    }
}
