using MassTransit;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// Watches the service's bus: counts every delivery a consumer finished (first deliveries and ignored duplicates
/// alike), so a test waits for exactly the deliveries it made instead of sleeping.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly Dictionary<Guid, int> _consumed = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            var id = context.MessageId!.Value;
            _consumed[id] = _consumed.GetValueOrDefault(id) + 1;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        return Task.CompletedTask;
    }

    /// <summary>How many deliveries this instance finished, first deliveries and duplicates alike.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _consumed.Values.Sum();
            }
        }
    }

    /// <summary>Waits until each message was consumed at least as often as <paramref name="expected"/> says.</summary>
    public async Task WaitForAsync(IReadOnlyDictionary<Guid, int> expected, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (expected.All(e => _consumed.GetValueOrDefault(e.Key) >= e.Value))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Not every delivery was consumed within {timeout}.");
            }
        }
    }
}
