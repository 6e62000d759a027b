using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// What every operation shares at the gateway: camelCase query names (as API.md writes them) with their bounds, the
/// API key (or bearer token) it is called with and the scope it needs (<c>x-required-scope</c>), the
/// <c>Idempotency-Key</c> header of every POST, and the problem details the gateway can answer for any call
/// (400, 401, 403, 413 with a body, 429 with <c>Retry-After</c>, 503 while the service is not deployed or down).
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    public const string ScopeExtension = "x-required-scope";
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name)
            {
                parameter.Name = char.ToLowerInvariant(name[0]) + name[1..];
            }

            if (parameter.Schema is OpenApiSchema schema && parameter.Name is not null)
            {
                ContractSchemaTransformer.Bound(schema, parameter.Name);
            }
        }

        DescribeRequestBody(operation, context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var scope = metadata.OfType<RequiredScope>().LastOrDefault()?.Scope ?? metadata.OfType<AreaScopes>().LastOrDefault()?.For(method);
        if (scope is not null)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiDefaults.ApiKeyScheme, context.Document)] = [scope] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiDefaults.BearerScheme, context.Document)] = [scope] },
            ];
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[ScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope));
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") + $"Scope 所需权限: `{scope}`.";
        }

        if (HttpMethods.IsPost(method))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Description = "A key the client chooses; the same key from the same client within 24 h returns the first answer and changes nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }

        var problem = await ProblemSchemaAsync(context, cancellationToken);
        operation.Responses ??= [];
        var hasBody = operation.RequestBody is not null;
        AddProblem(operation, StatusCodes.Status400BadRequest, "The request is malformed or fails validation (errors names the fields)", problem);
        AddProblem(operation, StatusCodes.Status401Unauthorized, "No or an unknown API key / token", problem);
        AddProblem(operation, StatusCodes.Status403Forbidden, $"The client lacks the scope {scope}", problem);
        if (hasBody)
        {
            AddProblem(operation, StatusCodes.Status413PayloadTooLarge, "The body is too large", problem);
        }

        AddProblem(operation, StatusCodes.Status429TooManyRequests, "The client's rate limit is spent; retry after Retry-After seconds", problem)
            .Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        AddProblem(operation, StatusCodes.Status503ServiceUnavailable, "The service is not deployed or not available now", problem);
        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse { Description: var description } typed && status.StartsWith('4') && description is "Bad Request" or "Not Found" or "Conflict")
            {
                typed.Description = status switch
                {
                    "400" => "The request is malformed or fails validation (errors names the fields)",
                    "404" => "No resource has this id",
                    _ => "A duplicate natural key or a transition the rules forbid (detail says which rule)",
                };
            }
        }
    }

    /// <summary>The body's schema as a request: required unless optional, nullable only where optional, bounded.</summary>
    private static void DescribeRequestBody(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body is null || operation.RequestBody?.Content?.TryGetValue("application/json", out var json) != true
            || json!.Schema is not OpenApiSchemaReference { Reference.Id: { } id }
            || context.Document?.Components?.Schemas?.TryGetValue(id, out var component) != true || component is not OpenApiSchema schema)
        {
            return;
        }

        var options = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        ContractSchemaTransformer.DescribeProperties(schema, options.GetTypeInfo(body), isRequest: true);
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string name = nameof(ProblemDetails);
        context.Document!.Components ??= new OpenApiComponents();
        context.Document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!context.Document.Components.Schemas.ContainsKey(name))
        {
            context.Document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        return new OpenApiSchemaReference(name, context.Document);
    }

    private static OpenApiResponse AddProblem(OpenApiOperation operation, int status, string description, IOpenApiSchema problem)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var found) && found is OpenApiResponse existing)
        {
            return existing;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } },
        };
        operation.Responses[key] = response;
        return response;
    }
}
