namespace CountyTech.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time; a timeout says what never happened.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Reads until <paramref name="done"/> holds and returns that reading. A read that throws (a service not yet ready,
    /// an assertion inside the read) counts as "not yet"; at the deadline the last exception is thrown with the timeout.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            Exception? failure = null;
            T value = default!;
            try
            {
                value = await read();
                if (done(value))
                {
                    return value;
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw failure is null
                    ? new TimeoutException($"Waited {limit} for {what}; last seen: {value}")
                    : new TimeoutException($"Waited {limit} for {what}; the last read failed: {failure.Message}", failure);
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(condition, met => met, what, timeout);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), met => met, what, timeout);
}
