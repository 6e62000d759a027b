using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// The OpenAPI document every service serves, shaped for readers at the gateway: calls go to the gateway (relative
/// server <c>/</c>), authenticated with the <c>X-Api-Key</c> header, as API.md says.
/// </summary>
public static class OpenApiDefaults
{
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddSchemaTransformer((schema, context, _) =>
        {
            // Strings are read through ControlCharacterStringConverter; a custom converter hides their type from the
            // generator, which would document them as untyped: they are strings (null where the property may be).
            if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
            {
                schema.Type = JsonSchemaType.String;
            }

            return Task.CompletedTask;
        }).AddDocumentTransformer((document, _, _) =>
        {
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
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
            return Task.CompletedTask;
        }));
}
