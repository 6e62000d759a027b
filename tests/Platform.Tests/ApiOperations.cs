using System.Net;
using System.Text.Json;

namespace CountyTech.Platform.Tests;

/// <summary>A property of a request body, as its OpenAPI schema describes it.</summary>
public sealed record BodyField(string Name, string Kind, IReadOnlyList<string> EnumValues);

/// <summary>
/// An operation of a deployed service or of the gateway, read from the OpenAPI documents the gateway serves, with the
/// scope its document says it needs (<c>x-required-scope</c>).
/// </summary>
public sealed record ApiOperation(string Service, string Method, string PathTemplate, string? DocumentedScope, IReadOnlyList<BodyField>? Body)
{
    /// <summary>A concrete path: ids are fresh UUIDs, years a year inside the bureau's range.</summary>
    public string Path() => string.Join('/', PathTemplate.Split('/').Select(segment =>
        !segment.StartsWith('{') ? segment
        : segment.Contains("year", StringComparison.OrdinalIgnoreCase) ? "2025"
        : Guid.NewGuid().ToString()));

    public bool IsRead => Method is "GET" or "HEAD";

    /// <summary>
    /// The scope API.md's table asks for: <c>admin</c> for client admin, the audit trail and Reporting's rebuild,
    /// <c>projects:review</c> for approval, rejection, disbursements and acceptance, else the area's read or write scope.
    /// </summary>
    public string RequiredScope()
    {
        var segments = PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(segments.Length >= 3 && segments[0] == "api" && segments[1] == "v1", $"{Method} {PathTemplate} is outside /api/v1/<area>");
        var area = segments[2];
        if (area == "admin" || (Method == "POST" && PathTemplate == "/api/v1/reporting/rebuild"))
        {
            return "admin";
        }

        if (Method == "POST" && area == "projects" && segments.Length == 5 && segments[3] == "{id}"
            && segments[4] is "approval" or "rejection" or "disbursements" or "acceptance")
        {
            return "projects:review";
        }

        return area + (IsRead ? ":read" : ":write");
    }

    /// <summary>
    /// Every operation of every deployed service and of the gateway's own document. A service whose document answers
    /// 503 is not deployed here and is left out; its operations join the moment it is.
    /// </summary>
    public static async Task<IReadOnlyList<ApiOperation>> ReadAllAsync(PlatformFixture platform)
    {
        using var anonymous = platform.Gateway();
        var operations = new List<ApiOperation>();
        foreach (var (service, path) in new[] { "projects", "enterprises", "talent", "ip", "reporting" }
                     .Select(s => (s, $"/openapi/{s}.json")).Append(("gateway", "/openapi/v1.json")))
        {
            using var response = await anonymous.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            foreach (var pathItem in root.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in pathItem.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
                {
                    operations.Add(new ApiOperation(service, operation.Name.ToUpperInvariant(), pathItem.Name,
                        operation.Value.TryGetProperty("x-required-scope", out var scope) ? scope.GetString() : null, BodyOf(root, operation.Value)));
                }
            }
        }

        return operations;
    }

    private static IReadOnlyList<BodyField>? BodyOf(JsonElement document, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return null;
        }

        var schema = Resolve(document, json.GetProperty("schema"));
        return schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(p => Field(document, p.Name, p.Value))]
            : [];
    }

    private static BodyField Field(JsonElement document, string name, JsonElement schema)
    {
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("enum", out var values))
        {
            return new BodyField(name, "enum", [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]);
        }

        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        // A decimal is documented by its format alone (format double, no type), as ASP.NET Core's generator writes it.
        var kind = types.Contains("number") || types.Contains("integer") || format is "double" or "float" or "int32" or "int64" ? "number"
            : types.Contains("boolean") ? "boolean"
            : types.Contains("array") ? "array"
            : types.Contains("string") && format == "date" ? "date"
            : types.Contains("string") && format == "uuid" ? "uuid"
            : types.Contains("string") ? "string"
            : "object";
        return new BodyField(name, kind, []);
    }

    /// <summary>Follows <c>$ref</c> and takes the non-null alternative of a nullable <c>oneOf</c>/<c>anyOf</c>.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        foreach (var alternatives in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(alternatives, out var options))
            {
                var chosen = options.EnumerateArray().FirstOrDefault(o =>
                    !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                if (chosen.ValueKind == JsonValueKind.Object)
                {
                    return Resolve(document, chosen);
                }
            }
        }

        return schema;
    }
}
