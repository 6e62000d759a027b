using System.Net;
using System.Net.Http.Json;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// A city system retries a POST with the same <c>Idempotency-Key</c> whatever happened to the first attempt: the
/// service was slow (its row held by another transaction), the caller hung up before the answer, or the gateway it went
/// through was killed while the service was at the first attempt and started again. Each time the
/// approval happens once, and every answer to the key is the same. (The key's record lives with the effect in the
/// service's database, so nothing the gateway forgets between the attempts matters.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ExactlyOnceTests(PlatformFixture platform)
{
    private static readonly object Approval = new { approvedOn = "2025-03-01", fundingWan = 30 };

    [Fact]
    public async Task A_retry_sent_while_the_service_is_still_at_the_first_waits_and_gets_the_same_answer()
    {
        var (writer, reviewer, project) = await SubmittedAsync();
        using var retrying = platform.Gateway(reviewer);
        var key = Guid.NewGuid().ToString();

        HttpResponseMessage first, retry;
        await using (var row = await ProjectSteps.HoldRowAsync(platform, project))
        {
            var firstCall = PostAsync(retrying, project, key, CancellationToken.None);
            await ProjectSteps.WaitUntilHeldUpAsync(platform);
            var retryCall = PostAsync(platform.Gateway(reviewer), project, key, CancellationToken.None);
            await row.CloseAsync();
            (first, retry) = (await firstCall, await retryCall);
        }

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await ProjectSteps.ApprovalsAsync(platform, project));
        writer.Dispose();
    }

    [Fact]
    public async Task A_caller_that_hung_up_before_the_answer_gets_it_on_retry_and_nothing_happens_twice()
    {
        var (writer, reviewer, project) = await SubmittedAsync();
        using var client = platform.Gateway(reviewer);
        var key = Guid.NewGuid().ToString();

        // The gateway lets the service finish the approval its caller left: the retry gets that answer.
        await HangUpWhileTheServiceIsAtItAsync(client, project, key);
        using var retry = await PostAsync(client, project, key, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal("approved", (await writer.GetAsync($"/api/v1/projects/{project}").JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(1, await ProjectSteps.ApprovalsAsync(platform, project));
        writer.Dispose();
    }

    [Fact]
    public async Task A_retry_through_a_gateway_killed_mid_request_and_started_again_happens_once()
    {
        var (writer, reviewer, project) = await SubmittedAsync();
        await using var gateway = await StandaloneGateway.StartAsync(platform);
        var key = Guid.NewGuid().ToString();

        // The gateway dies (SIGKILL) while the service waits for the project's row on the first attempt.
        await using (var row = await ProjectSteps.HoldRowAsync(platform, project))
        {
            using var client = gateway.Client(reviewer);
            var call = PostAsync(client, project, key, CancellationToken.None);
            await ProjectSteps.WaitUntilHeldUpAsync(platform);
            gateway.Kill();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => call);
        }

        await gateway.RestartAsync();
        using var restarted = gateway.Client(reviewer);
        using var retry = await PostAsync(restarted, project, key, CancellationToken.None);
        using var again = await PostAsync(restarted, project, key, CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retry.StatusCode, again.StatusCode));
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await ProjectSteps.ApprovalsAsync(platform, project));
        writer.Dispose();
    }

    /// <summary>Sends the approval, hangs up while the service waits for the project's row, and waits until the approval is committed.</summary>
    private async Task HangUpWhileTheServiceIsAtItAsync(HttpClient client, Guid project, string key)
    {
        await using (var row = await ProjectSteps.HoldRowAsync(platform, project))
        {
            using var hangUp = new CancellationTokenSource();
            var call = PostAsync(client, project, key, hangUp.Token);
            await ProjectSteps.WaitUntilHeldUpAsync(platform);
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        await Eventually.UntilAsync(async () => await ProjectSteps.ApprovalsAsync(platform, project) == 1, "the approval to be committed");
    }

    private async Task<(HttpClient Writer, string Reviewer, Guid Project)> SubmittedAsync()
    {
        var writer = platform.Gateway(await platform.RegisterClientAsync("项目申报系统（重试）", "projects:write", "projects:read"));
        var reviewer = await platform.RegisterClientAsync("项目评审系统（重试）", "projects:review");
        return (writer, reviewer, await ProjectSteps.SubmitAsync(writer, "重试镇" + Guid.NewGuid().ToString("N")[..6]));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid project, string key, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{project}/approval") { Content = JsonContent.Create(Approval) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, cancellationToken);
    }
}
