using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyTech.BureauRules;

/// <summary>Collects per-field messages for a 400 problem with an <c>errors</c> map (field → messages).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>Whether <paramref name="field"/> already has an error: a check across fields skips a field known to be wrong.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    public ValidationErrors Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return this;
    }

    /// <summary>Requires a value to be present; returns it (or default when missing, with an error recorded).</summary>
    public T Present<T>(T? value, string field) where T : struct
    {
        Require(value.HasValue, field, $"{field} is required.");
        return value.GetValueOrDefault();
    }

    /// <summary>Requires a non-blank string of at most <paramref name="maxLength"/> characters; returns it trimmed.</summary>
    public string Text(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
            return string.Empty;
        }

        var trimmed = value.Trim();
        Require(trimmed.Length <= maxLength, field, $"{field} must be at most {maxLength} characters.");
        return trimmed;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is not valid");
}
