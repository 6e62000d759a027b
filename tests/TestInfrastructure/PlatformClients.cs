using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CountyTech.Testing;

/// <summary>A client registered through the gateway's client admin API: its id and its one-time API key.</summary>
public sealed record RegisteredClient(string Id, string ApiKey);

/// <summary>Registers test clients (接入系统) the way an administrator does: <c>POST /api/v1/admin/clients</c>.</summary>
public static class PlatformClients
{
    public const string AdminPath = "/api/v1/admin/clients";

    /// <summary>Registers a department app with <paramref name="scopes"/>, through a gateway client that sends an admin key.</summary>
    public static async Task<RegisteredClient> RegisterAsync(HttpClient admin, string name, IReadOnlyList<string> scopes)
    {
        using var response = await admin.PostAsJsonAsync(AdminPath, new { name, kind = "department-app", scopes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering {name} gave {(int)response.StatusCode}: {body}");
        using var client = JsonDocument.Parse(body);
        return new RegisteredClient(
            client.RootElement.GetProperty("id").GetString()!, client.RootElement.GetProperty("apiKey").GetString()!);
    }
}
