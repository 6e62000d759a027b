using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CountyTech.Gateway.Tests;

/// <summary>Checks that a response is RFC 9457 problem details with the expected status and a trace id.</summary>
public static class Problem
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", body.GetProperty("traceId").GetString());
        return body;
    }
}
