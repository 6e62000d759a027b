using CountyTech.Gateway.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Gateway.Tests;

/// <summary>
/// The real gateway on its own fresh database of the shared PostgreSQL, with <c>projects</c> and <c>reporting</c>
/// discovered at the echo service and the other services left out of the deployment.
/// </summary>
public sealed class GatewayFactory(
    string connectionString,
    Uri downstream,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Development") : WebApplicationFactory<Program>
{
    public const string AdminKey = "ct_bootstrap-admin-key-for-gateway-tests-only";

    /// <summary>The platform secret the gateway signs its proofs with here; the echo service checks them.</summary>
    public const string Secret = "gateway-secret-for-the-gateway-tests-only-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var address = downstream.GetLeftPart(UriPartial.Authority);
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:gateway-db", connectionString);
        builder.UseSetting(BootstrapAdminKey.VariableName, AdminKey);
        builder.UseSetting(ServiceDefaults.GatewayProof.SecretVariable, Secret);
        builder.UseSetting("services:projects:http:0", address);
        builder.UseSetting("services:reporting:http:0", address);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public HttpClient ClientWithKey(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, apiKey);
        }

        return client;
    }
}
