namespace CountyTech.Testing;

/// <summary>A running server, a container or a private local process, that can be stopped and started again on the same port.</summary>
internal interface IServerInstance : IAsyncDisposable
{
    Task StopAsync(CancellationToken cancellationToken);

    Task StartAsync(CancellationToken cancellationToken);
}
