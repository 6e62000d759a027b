using System.Security.Cryptography;

namespace CountyTech.Gateway.Authentication;

/// <summary>
/// The key in <c>COUNTYTECH_ADMIN_KEY</c>, if any: an API key with scope <c>admin</c> that exists before any client
/// is registered, so that the first clients can be: at least <see cref="MinLength"/> characters, never logged, kept as a
/// hash and compared in constant time. The AppHost passes it as a secret parameter (hidden in the dashboard).
/// </summary>
internal sealed class BootstrapAdminKey
{
    public const string VariableName = "COUNTYTECH_ADMIN_KEY";

    /// <summary>As long as a generated API key's random part: a shorter admin key would be the platform's weakest.</summary>
    public const int MinLength = 32;

    private readonly byte[]? _hash;

    public BootstrapAdminKey(string? key) => _hash = string.IsNullOrEmpty(key) ? null : ApiKeys.Hash(key);

    public bool Matches(byte[] presentedHash) => _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, presentedHash);

    /// <summary>Reads the key; a short key, or outside Development a missing one, stops the gateway before it listens.</summary>
    public static BootstrapAdminKey FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var key = configuration[VariableName];
        if (string.IsNullOrWhiteSpace(key) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The environment variable {VariableName} is not set. Outside Development the gateway needs it: it is the " +
                "bootstrap API key with scope 'admin' used to register the platform's clients. Set it to a long random value.");
        }

        if (!string.IsNullOrEmpty(key) && key.Length < MinLength)
        {
            throw new InvalidOperationException(
                $"{VariableName} has {key.Length} characters; the bootstrap admin key must have at least {MinLength}. Set it to a long random value.");
        }

        return new BootstrapAdminKey(key);
    }
}
