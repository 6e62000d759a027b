using System.Net;
using System.Net.Http.Json;
using System.Text;
using CountyTech.Messaging.Outbox;
using CountyTech.Projects.Apis;
using CountyTech.ServiceDefaults;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CountyTech.Projects.Tests;

/// <summary>
/// What every service gets from <c>UseCallerIdentity</c>, shown on Projects with the platform's gateway secret set:
/// only requests the gateway proved are answered, a POST with an <c>Idempotency-Key</c> takes effect once, and text
/// with control characters is a 400 naming the field.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TrustBoundaryTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Secret = "the-platform-secret-of-the-projects-tests-0123456789";
    private ProjectsServiceFactory _service = null!;
    private readonly string _township = "信任镇" + Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync()
    {
        _service = new ProjectsServiceFactory(infrastructure, new Dictionary<string, string?> { [GatewayProof.SecretVariable] = Secret });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private HttpClient Client(string clientId = "key:0197a4b2-0000-7000-8000-000000000001", string scopes = "projects:write projects:review",
        TimeSpan age = default, string secret = Secret) =>
        _service.CreateDefaultClient(new GatewayProofHandler(secret, clientId, scopes, age));

    private object Application(string title = "林下经济示范") => new
    {
        title,
        level = "county",
        field = "agriculture",
        leadOrganization = "县林业局",
        township = _township,
        plannedStart = "2025-01-01",
        plannedEnd = "2025-12-31",
        budgetWan = 15,
    };

    [Fact]
    public async Task Without_the_gateways_proof_a_request_is_401_and_health_probes_still_answer()
    {
        using var direct = _service.CreateClient();
        using var spoofed = _service.CreateClient();
        spoofed.DefaultRequestHeaders.Add("X-CountyTech-Client-Id", "bootstrap");
        spoofed.DefaultRequestHeaders.Add("X-CountyTech-Scopes", "admin");
        using var forged = Client(secret: "someone-elses-secret-of-enough-characters-000");
        using var expired = Client(age: GatewayProof.Lifetime + TimeSpan.FromSeconds(5));

        foreach (var client in new[] { direct, spoofed, forged, expired })
        {
            var problem = await client.PostAsJsonAsync("/api/v1/projects", Application()).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("gateway", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            await client.GetAsync("/api/v1/projects").ProblemAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/alive")).StatusCode);
        Assert.Equal(0, await ProjectsInTownshipAsync());
    }

    [Fact]
    public async Task A_proof_holds_only_for_the_request_it_was_made_for()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects?township=A");
        request.Headers.Add("X-CountyTech-Gateway-Proof", await ProofOfAnotherRequestAsync());

        var response = await _service.CreateClient().SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects?township=A")).StatusCode);
    }

    [Fact]
    public async Task A_repeated_key_gets_the_first_answer_and_changes_nothing_more()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var first = await client.PostAsJsonAsync("/api/v1/projects", Application());
        using var repeat = await client.PostAsJsonAsync("/api/v1/projects", Application());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(1, await ProjectsInTownshipAsync());
    }

    [Fact]
    public async Task The_same_key_from_another_client_or_for_another_body_is_another_request()
    {
        var key = Guid.NewGuid().ToString();
        using var one = Client("key:0197a4b2-0000-7000-8000-00000000000a");
        using var other = Client("key:0197a4b2-0000-7000-8000-00000000000b");
        one.DefaultRequestHeaders.Add("Idempotency-Key", key);
        other.DefaultRequestHeaders.Add("Idempotency-Key", key);

        Assert.Equal(HttpStatusCode.Created, (await one.PostAsJsonAsync("/api/v1/projects", Application())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/projects", Application())).StatusCode);
        var reused = await one.PostAsJsonAsync("/api/v1/projects", Application("另一个项目")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("different request", reused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await ProjectsInTownshipAsync());
    }

    [Fact]
    public async Task An_answer_without_an_effect_is_not_kept_so_the_corrected_request_goes_through()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        await client.PostAsJsonAsync("/api/v1/projects", new { title = "缺字段" }).ProblemAsync(HttpStatusCode.BadRequest);
        using var corrected = await client.PostAsJsonAsync("/api/v1/projects", Application());

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await ProjectsInTownshipAsync());
    }

    [Fact]
    public async Task Repeats_sent_while_the_first_is_held_up_wait_for_it_and_get_its_answer()
    {
        using var client = Client();
        var project = await ProjectsServiceFactory.BodyAsync<ProjectResponse>(await client.PostAsJsonAsync("/api/v1/projects", Application()));
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var approval = new { approvedOn = "2025-03-01", fundingWan = 12 };

        await using var lockHolder = new NpgsqlConnection(await _service.ReadAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));
        await lockHolder.OpenAsync();
        await using var rowLock = await lockHolder.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT 1 FROM project WHERE id = @id FOR UPDATE", lockHolder, rowLock))
        {
            command.Parameters.AddWithValue("id", project.Id);
            await command.ExecuteNonQueryAsync();
        }

        var calls = Enumerable.Range(0, 3).Select(_ => client.PostAsJsonAsync($"/api/v1/projects/{project.Id}/approval", approval)).ToArray();
        await Eventually.UntilAsync(async () => await LockWaitersAsync() >= 1, "the first approval to wait for the row");
        await rowLock.RollbackAsync();
        var answers = await Task.WhenAll(calls);

        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(2, answers.Count(a => a.Headers.Contains("Idempotent-Replayed")));
        var approvals = await _service.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("ProjectApproved")));
        Assert.Equal(1, approvals);
    }

    [Theory]
    [InlineData("title", "\u0000")]
    [InlineData("leadOrganization", "县林业局\u0007")]
    [InlineData("township", "\u001b[31m")]
    public async Task A_control_character_in_a_field_is_400_naming_it_and_nothing_is_written(string field, string value)
    {
        using var client = Client();
        var body = new Dictionary<string, object>
        {
            ["title"] = "林下经济示范", ["level"] = "county", ["field"] = "agriculture", ["leadOrganization"] = "县林业局",
            ["township"] = _township, ["plannedStart"] = "2025-01-01", ["plannedEnd"] = "2025-12-31", ["budgetWan"] = 15,
        };
        body[field] = value;

        var problem = await client.PostAsJsonAsync("/api/v1/projects", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], Problems.ErrorFields(problem));
        Assert.Equal(0, await ProjectsInTownshipAsync());
    }

    [Fact]
    public async Task A_control_character_in_a_query_is_400_naming_the_parameter()
    {
        using var client = Client();

        var problem = await client.GetAsync("/api/v1/projects?township=%00").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["township"], Problems.ErrorFields(problem));
    }

    [Theory]
    [InlineData("""{"title":"x","level":7}""", "level")]
    [InlineData("""{"budgetWan":1e308}""", "budgetWan")]
    [InlineData("""{"plannedStart":"2025-02-30"}""", "plannedStart")]
    [InlineData("""{"title":"缺右括号" """, "body")]
    [InlineData("", "body")]
    public async Task An_unreadable_body_is_400_naming_the_field_in_the_callers_words(string json, string field)
    {
        using var client = Client();

        var problem = await client.PostAsync("/api/v1/projects", new StringContent(json, Encoding.UTF8, "application/json"))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], Problems.ErrorFields(problem));
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("CountyTech.", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_400_naming_it_without_type_names()
    {
        using var client = Client();

        var problem = await client.GetAsync("/api/v1/projects?page=abc").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["page"], Problems.ErrorFields(problem));
        Assert.DoesNotContain("Int32", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("int?", problem.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> ProofOfAnotherRequestAsync()
    {
        var captured = new TaskCompletionSource<string>();
        using var client = _service.CreateDefaultClient(
            new GatewayProofHandler(Secret, "key:0197a4b2-0000-7000-8000-000000000001", "projects:read"), new ProofCapture(captured));
        await client.GetAsync("/api/v1/projects?township=B");
        return await captured.Task;
    }

    private Task<int> ProjectsInTownshipAsync() => _service.ReadAsync(db => db.Projects.CountAsync(p => p.Township == _township));

    private async Task<long> LockWaitersAsync() => await _service.ReadAsync(db => db.Database
        .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        .SingleAsync());

    /// <summary>Hands over the proof header of the request it sees.</summary>
    private sealed class ProofCapture(TaskCompletionSource<string> captured) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            captured.TrySetResult(string.Join(",", request.Headers.GetValues(GatewayProof.HeaderName)));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
