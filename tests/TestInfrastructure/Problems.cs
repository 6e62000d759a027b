using System.Net;
using System.Text.Json;
using CountyTech.BureauRules;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CountyTech.Testing;

/// <summary>
/// Checks an error answer of any CountyTech API (问题详情): RFC 9457 problem details with the expected status, as
/// <c>application/problem+json</c>, with the W3C trace id (<c>traceId</c>) ops search for.
/// </summary>
public static class Problems
{
    public const string MediaType = "application/problem+json";

    /// <summary>Asserts a problem answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
        return problem;
    }

    /// <summary>Sends, asserts a problem answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        using var response = await request;
        return await AssertAsync(response, status);
    }

    /// <summary>The fields named in a problem's <c>errors</c> map, in ordinal order.</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal)];

    /// <summary>The fields that collected validation errors would name in the 400 answer, in ordinal order.</summary>
    public static IReadOnlyList<string> ErrorFields(ValidationErrors errors) =>
        [.. Assert.IsType<HttpValidationProblemDetails>(errors.ToProblem().ProblemDetails).Errors.Keys.Order(StringComparer.Ordinal)];
}
