using System.Text.Json;

namespace CountyTech.Gateway.Admin;

/// <summary>Who a client is: a city-level system (市级系统) or a county department's app (部门应用).</summary>
public enum ClientKind
{
    CitySystem,
    DepartmentApp,
}

/// <summary>The kebab-case names of <see cref="ClientKind"/> used on the wire and in the database.</summary>
internal static class ClientKinds
{
    private static readonly Dictionary<string, ClientKind> ByName =
        Enum.GetValues<ClientKind>().ToDictionary(NameOf, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static string NameOf(ClientKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static bool TryParse(string? name, out ClientKind kind) => ByName.TryGetValue(name ?? string.Empty, out kind);

    public static ClientKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new FormatException($"'{name}' is not a client kind.");
}
