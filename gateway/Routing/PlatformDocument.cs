using System.Text.Json.Nodes;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CountyTech.Gateway.Routing;

/// <summary>
/// The one OpenAPI document of the whole platform (<c>/openapi/countytech.json</c>), for integrators who generate a
/// client: the gateway's own admin API and the document of every deployed service that answers, with the gateway as
/// server. A service that is not deployed or does not answer is left out. Components that two documents name alike
/// are shared when equal, otherwise the later one is renamed after its service (<c>ProjectsFoo</c>), in the fixed order
/// of the route table, so the document is the same on every call.
/// </summary>
internal static class PlatformDocument
{
    public const string Path = "/openapi/countytech.json";
    private const string ComponentsPrefix = "#/components/";
    /// <summary>A service builds its document on the first request, which takes seconds on a busy machine.</summary>
    private static readonly TimeSpan ServiceTimeout = TimeSpan.FromSeconds(30);

    public static WebApplication MapPlatformDocument(this WebApplication app)
    {
        app.MapGet(Path, async (HttpContext http, CancellationToken cancellationToken) =>
            {
                var document = await BuildAsync(http.RequestServices, cancellationToken);
                return Results.Text(document.ToJsonString(), "application/json");
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<JsonObject> BuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var own = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync(cancellationToken);
        var merged = (JsonObject)JsonNode.Parse(await own.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!;
        merged["info"] = new JsonObject
        {
            ["title"] = "CountyTech API (县科技局创新平台)",
            ["version"] = "v1",
            ["description"] = "Every area of the platform and the gateway's client admin, as one document: call the gateway with an "
                + "X-Api-Key whose scopes include the operation's x-required-scope. Areas not deployed here are left out.",
            ["license"] = merged["info"]?["license"]?.DeepClone(),
        };
        merged["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The CountyTech gateway" });

        var deployment = services.GetRequiredService<ServiceDeployment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformDocument));
        var fetches = RouteTable.Areas.Select(a => a.Service).Distinct().Where(deployment.IsDeployed)
            .Select(service => (service, document: FetchAsync(services, service, logger, cancellationToken))).ToList();
        foreach (var (service, fetch) in fetches)
        {
            if (await fetch is { } document)
            {
                Merge(merged, document, service);
            }
        }

        var (_, diagnostic) = OpenApiDocument.Parse(merged.ToJsonString(), OpenApiConstants.Json, new OpenApiReaderSettings());
        foreach (var error in diagnostic?.Errors ?? [])
        {
            logger.LogWarning("The platform's OpenAPI document has an error at {Pointer}: {Message}", error.Pointer, error.Message);
        }

        return merged;
    }

    /// <summary>A service's own document, fetched with the gateway's proof; null (and logged) if it does not answer.</summary>
    private static async Task<JsonObject?> FetchAsync(IServiceProvider services, string service, ILogger logger, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{service}{RouteTable.ServiceOpenApiPath}");
        if (services.GetRequiredService<GatewaySecret>().Key is { } secret)
        {
            var proven = new ProvenRequest("GET", RouteTable.ServiceOpenApiPath, string.Empty, string.Empty, string.Empty, string.Empty);
            request.Headers.TryAddWithoutValidation(GatewayProof.HeaderName,
                GatewayProof.Sign(secret, proven, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ServiceTimeout);
            using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PlatformDocument));
            using var response = await client.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException
                                      && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The OpenAPI document of {Service} is left out of the platform's: the service did not answer", service);
            return null;
        }
    }

    /// <summary>Adds a service's paths, tags and components to the merged document, renaming components that clash.</summary>
    private static void Merge(JsonObject merged, JsonObject document, string service)
    {
        var components = Object(merged, "components");
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, entries) in document["components"]?.AsObject() ?? [])
        {
            var existing = Object(components, kind);
            foreach (var (name, component) in entries!.AsObject())
            {
                if (existing[name] is { } other && !JsonNode.DeepEquals(other, component))
                {
                    renames[$"{ComponentsPrefix}{kind}/{name}"] = $"{ComponentsPrefix}{kind}/{char.ToUpperInvariant(service[0])}{service[1..]}{name}";
                }
            }
        }

        document = (JsonObject)Rename(document.DeepClone(), renames)!;
        foreach (var (kind, entries) in document["components"]?.AsObject() ?? [])
        {
            var existing = Object(components, kind);
            foreach (var (name, component) in entries!.AsObject())
            {
                var key = renames.TryGetValue($"{ComponentsPrefix}{kind}/{name}", out var renamed) ? renamed[(renamed.LastIndexOf('/') + 1)..] : name;
                if (existing[key] is null)
                {
                    existing[key] = component!.DeepClone();
                }
            }
        }

        var paths = Object(merged, "paths");
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            paths[path] = item!.DeepClone();
        }

        var tags = merged["tags"] as JsonArray ?? (JsonArray)(merged["tags"] = new JsonArray());
        var known = tags.Select(t => t?["name"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var tag in document["tags"]?.AsArray() ?? [])
        {
            if (known.Add(tag?["name"]?.GetValue<string>()))
            {
                tags.Add(tag!.DeepClone());
            }
        }
    }

    private static JsonNode? Rename(JsonNode? node, IReadOnlyDictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "$ref" && value?.GetValue<string>() is { } target && renames.TryGetValue(target, out var renamed))
                    {
                        obj[name] = renamed;
                    }
                    else
                    {
                        Rename(value, renames);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rename(item, renames);
                }

                break;
        }

        return node;
    }

    private static JsonObject Object(JsonObject parent, string name) =>
        parent[name] as JsonObject ?? (JsonObject)(parent[name] = new JsonObject());
}
