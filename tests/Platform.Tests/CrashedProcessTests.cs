using System.Diagnostics;
using System.Globalization;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// Without containers, the AppHost is the platform's restart policy: a service killed outright (SIGKILL, as a crash or
/// the kernel's OOM killer would) is started again by the orchestrator, and the gateway reaches it again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrashedProcessTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_service_killed_with_sigkill_is_started_again_and_serves_through_the_gateway()
    {
        using var reader = platform.Gateway(await platform.RegisterClientAsync("专家库查询（重启）", "talent:read"));
        using (var before = await reader.GetAsync("/api/v1/talent/experts?pageSize=1"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var killed = await RunningPidAsync(pid => true);

        using (var process = Process.GetProcessById(killed))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var restarted = await RunningPidAsync(pid => pid != killed);
        await Eventually.UntilAsync(async () =>
        {
            using var response = await reader.GetAsync("/api/v1/talent/experts?pageSize=1");
            return response.StatusCode == HttpStatusCode.OK;
        }, "the gateway to reach the talent service started again", Patience);
        Assert.NotEqual(killed, restarted);
    }

    /// <summary>The talent service's process id once the orchestrator reports it running with an id that <paramref name="wanted"/>.</summary>
    private async Task<int> RunningPidAsync(Func<int, bool> wanted)
    {
        using var patience = new CancellationTokenSource(Patience);
        var running = await platform.App.ResourceNotifications.WaitForResourceAsync("talent", resource =>
            resource.Snapshot.State?.Text == KnownResourceStates.Running && Pid(resource) is { } pid && wanted(pid), patience.Token);
        return Pid(running)!.Value;
    }

    private static int? Pid(ResourceEvent resource) =>
        resource.Snapshot.Properties.SingleOrDefault(property => property.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;
}
