using Microsoft.Extensions.Configuration;

namespace CountyTech.ServiceDefaults;

public static class ConnectionStrings
{
    /// <summary>The connection string the AppHost gives under a resource's name; missing is a start-up error that says how to fix it.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name)
        ?? throw new InvalidOperationException(
            $"Connection string '{name}' is missing: run the platform through the AppHost or set ConnectionStrings__{name}.");
}
