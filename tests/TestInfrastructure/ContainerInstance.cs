using DotNet.Testcontainers.Containers;

namespace CountyTech.Testing;

/// <summary>A Testcontainers container as a <see cref="IServerInstance"/>.</summary>
internal sealed class ContainerInstance(IContainer container) : IServerInstance
{
    public static async Task<ContainerInstance> StartAsync(IContainer container, CancellationToken cancellationToken)
    {
        var instance = new ContainerInstance(container);
        try
        {
            await container.StartAsync(cancellationToken);
            return instance;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => container.StopAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => container.StartAsync(cancellationToken);

    public ValueTask DisposeAsync() => container.DisposeAsync();
}
