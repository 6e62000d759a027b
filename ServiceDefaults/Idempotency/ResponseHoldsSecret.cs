namespace CountyTech.ServiceDefaults;

/// <summary>
/// Endpoint metadata: a successful answer holds a secret shown once (a new API key). Under an <c>Idempotency-Key</c>
/// it is recorded without its body, and a repeat gets 409 with the <c>Location</c> of the first result instead of a
/// replay. Unsuccessful answers hold no secret and are replayed as usual.
/// </summary>
public sealed class ResponseHoldsSecret
{
    public static readonly ResponseHoldsSecret Instance = new();

    private ResponseHoldsSecret()
    {
    }
}
