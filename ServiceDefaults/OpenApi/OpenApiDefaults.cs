using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CountyTech.ServiceDefaults;

/// <summary>A service's realistic examples, one value per request or response type, kept in one place.</summary>
public sealed record ApiExamples(IReadOnlyDictionary<Type, object> ByType);

/// <summary>
/// The OpenAPI document every service serves, shaped for readers at the gateway: calls go to the gateway (relative
/// server <c>/</c>), authenticated with the <c>X-Api-Key</c> header (or a bearer token), as API.md says. The shared
/// mechanics are the transformers here; each endpoint states only its own facts (operationId, summary, scope, the
/// problems it can answer) and each service its examples (<see cref="AddApiExamples"/>).
/// </summary>
public static class OpenApiDefaults
{
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiExamples(this IServiceCollection services, IReadOnlyDictionary<Type, object> examples) =>
        services.AddSingleton(new ApiExamples(examples));

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddSchemaTransformer<ContractSchemaTransformer>()
            .AddOperationTransformer<ContractOperationTransformer>()
            .AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Description = "CountyTech, the county science-and-technology bureau's platform (县科技局创新平台). "
                    + "Every call goes through the gateway with an API key; see API.md for the conventions.";
                document.Info.License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://countytech.example.gov.cn/terms") };
                document.Servers = [new OpenApiServer { Url = "/", Description = "The CountyTech gateway" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyHeader,
                    Description = "An API key from the client admin API (or COUNTYTECH_ADMIN_KEY); its scopes decide what it may call.",
                };
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token of the configured OpenID Connect provider, where the deployment has one; scopes from its scope claim.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
                DescribeTags(document, context);
                return Task.CompletedTask;
            }));

    /// <summary>The description of each tag, from the <see cref="ApiTag"/> its endpoints carry.</summary>
    private static void DescribeTags(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        var described = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiTag>())
            .DistinctBy(t => t.Name).ToDictionary(t => t.Name, t => t.Description);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags.Where(t => t.Name is not null && described.ContainsKey(t.Name)))
        {
            tag.Description = described[tag.Name!];
        }
    }
}
