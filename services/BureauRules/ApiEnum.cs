using System.Text.Json;

namespace CountyTech.BureauRules;

/// <summary>Reads a kebab-case enum value from a query string (<c>?status=failed-acceptance</c>), as API.md spells enums.</summary>
public static class ApiEnum
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The value named by <paramref name="text"/>, null when absent; an unknown name is a per-field error.</summary>
    public static T? Parse<T>(string? text, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Name(value), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(field, $"{field} must be one of: {string.Join(", ", Enum.GetValues<T>().Select(Name))}.");
        return null;
    }
}
