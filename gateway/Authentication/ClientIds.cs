namespace CountyTech.Gateway.Authentication;

/// <summary>
/// The client id (接入方标识) the gateway records and forwards, namespaced by how the caller authenticated:
/// <c>key:&lt;id&gt;</c> for a registered client's API key, <c>jwt:&lt;client_id or sub&gt;</c> for a bearer token and
/// <c>bootstrap</c> for the bootstrap admin key. A token can thus never pass for a registered client or the bootstrap
/// admin in idempotency records, rate limits, <c>createdBy</c> or <c>X-CountyTech-Client-Id</c>.
/// </summary>
internal static class ClientIds
{
    public const string Bootstrap = "bootstrap";

    /// <summary>The longest identifier a token may name its client by: OpenID Connect's limit for <c>sub</c>.</summary>
    public const int MaxTokenIdentifierLength = 255;

    /// <summary>The longest client id (a token's, with its prefix): what every column holding one is sized to.</summary>
    public const int MaxLength = ServiceDefaults.CallerIdentity.MaxClientIdLength;

    private const string KeyPrefix = "key:";
    private const string TokenPrefix = "jwt:";

    public static string ForKey(Guid clientId) => KeyPrefix + clientId.ToString();

    /// <summary>
    /// The client id of a token naming its client <paramref name="identifier"/>, or why it cannot have one: missing,
    /// longer than <see cref="MaxTokenIdentifierLength"/>, or holding more than visible ASCII (it travels in a header).
    /// </summary>
    public static bool TryForToken(string? identifier, out string clientId, out string error)
    {
        error = string.IsNullOrEmpty(identifier) ? "The token names no client (client_id or sub)."
            : identifier.Length > MaxTokenIdentifierLength ? $"The token's client_id or sub is longer than {MaxTokenIdentifierLength} characters."
            : !identifier.All(c => c is > ' ' and <= '~') ? "The token's client_id or sub may only hold visible ASCII characters."
            : string.Empty;
        clientId = error.Length == 0 ? TokenPrefix + identifier : string.Empty;
        return error.Length == 0;
    }
}
