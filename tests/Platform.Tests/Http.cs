using System.Net;
using System.Text.Json;

namespace CountyTech.Platform.Tests;

/// <summary>Small helpers to read what the gateway answers.</summary>
public static class Http
{
    public static async Task<JsonElement> JsonAsync(this Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
