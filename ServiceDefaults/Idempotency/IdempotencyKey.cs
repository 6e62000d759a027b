using Microsoft.Extensions.Primitives;

namespace CountyTech.ServiceDefaults;

/// <summary>The <c>Idempotency-Key</c> header: one value of 1 to 255 visible ASCII characters (a UUID is typical).</summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 255;

    public static bool TryRead(StringValues values, out string key, out string error)
    {
        key = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        error = values.Count != 1 ? $"Send one {HeaderName} header."
            : key.Length is 0 or > MaxLength ? $"{HeaderName} must have 1 to {MaxLength} characters."
            : !key.All(c => c is > ' ' and <= '~') ? $"{HeaderName} may only hold visible ASCII characters."
            : string.Empty;
        return error.Length == 0;
    }
}
