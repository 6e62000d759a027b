using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CountyTech.ServiceDefaults;

namespace CountyTech.PlatformControl;

/// <summary>A client registered through the gateway's admin API: its key, and the client id and scopes the gateway forwards.</summary>
public sealed record PlatformClient(string ApiKey, string ClientId, string Scopes);

/// <summary>The platform the AppHost started: its processes, the gateway, and what a direct call to a service needs.</summary>
public sealed class RunningPlatform : IDisposable
{
    public static readonly string[] ProcessNames = ["projects", "enterprises", "talent", "ip", "reporting", "gateway"];
    private readonly byte[] _secret;
    private readonly string _adminKey;

    private RunningPlatform(IReadOnlyDictionary<string, PlatformProcess> processes, string adminKey)
    {
        Processes = processes;
        _adminKey = adminKey;
        _secret = Encoding.UTF8.GetBytes(processes["gateway"].Environment[GatewayProof.SecretVariable]);
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public IReadOnlyDictionary<string, PlatformProcess> Processes { get; }

    public HttpClient Http { get; }

    public Uri Gateway => Processes["gateway"].Url;

    public string ProjectsDb => Processes["projects"].ConnectionString("projects-db");

    public string ReportingDb => Processes["reporting"].ConnectionString("reporting-db");

    public string Broker => Processes["reporting"].ConnectionString("messaging");

    /// <summary>Waits until every process of the platform whose bootstrap key is <paramref name="adminKey"/> runs and is healthy.</summary>
    public static async Task<RunningPlatform> WaitForAsync(string adminKey, TimeSpan timeout)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var found = PlatformProcess.Find(adminKey, ProcessNames);
            if (found.Count == ProcessNames.Length && await HealthyAsync(probe, found.Values))
            {
                return new RunningPlatform(found, adminKey);
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The platform was not healthy within {timeout}; found: {string.Join(", ", found.Keys)}.");
            }

            await Task.Delay(250);
        }
    }

    public static async Task<bool> HealthyAsync(HttpClient probe, IEnumerable<PlatformProcess> processes)
    {
        foreach (var process in processes)
        {
            if (!await HealthyAsync(probe, process.Url))
            {
                return false;
            }
        }

        return true;
    }

    public static async Task<bool> HealthyAsync(HttpClient probe, Uri url)
    {
        try
        {
            using var response = await probe.GetAsync(new Uri(url, "/health"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Registers a client with <paramref name="scopes"/> at the highest rate limit an administrator may give.</summary>
    public async Task<PlatformClient> RegisterAsync(string name, params string[] scopes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway, "/api/v1/admin/clients"))
        {
            Content = JsonContent.Create(new { name, kind = "department-app", scopes, requestsPerMinute = 100_000 }),
        };
        request.Headers.Add("X-Api-Key", _adminKey);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        return new PlatformClient(body.RootElement.GetProperty("apiKey").GetString()!, "key:" + id, string.Join(' ', scopes.Order(StringComparer.Ordinal)));
    }

    /// <summary>The headers the gateway would add to a <c>GET</c> of <paramref name="pathAndQuery"/> by <paramref name="client"/> (good for 30 s).</summary>
    public Dictionary<string, string> ProofHeaders(PlatformClient client, string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        var proven = new ProvenRequest("GET", path, query < 0 ? string.Empty : pathAndQuery[query..], client.ClientId, client.Scopes, string.Empty);
        return new Dictionary<string, string>
        {
            [CallerIdentity.HeaderName] = client.ClientId,
            [GatewayProof.ScopesHeader] = client.Scopes,
            [GatewayProof.HeaderName] = GatewayProof.Sign(_secret, proven, DateTimeOffset.UtcNow),
        };
    }

    public void Dispose() => Http.Dispose();
}
