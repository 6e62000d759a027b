namespace CountyTech.FaultCampaign;

/// <summary>
/// The write load: <c>workers</c> clients, each running the areas' scenarios in turn without pause, through the gateway.
/// <see cref="PauseAsync"/> lets every worker finish its scenario and wait (to compare the indicators with a still
/// target); <see cref="Resume"/> lets them go on.
/// </summary>
internal sealed class SustainedLoad(Writer writer, int workers) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];
    private volatile TaskCompletionSource _gate = Open();
    private long _next;
    private long _busy;

    public void Start()
    {
        for (var i = 0; i < workers; i++)
        {
            _workers.Add(Task.Run(() => WorkAsync(_stopping.Token)));
        }
    }

    /// <summary>Returns once every worker has finished its current scenario and waits for <see cref="Resume"/>.</summary>
    public async Task PauseAsync()
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (Interlocked.Read(ref _busy) > 0)
        {
            await Task.Delay(50);
        }
    }

    public void Resume() => _gate.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Resume();
        await Task.WhenAll(_workers);
        _stopping.Dispose();
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await _gate.Task;
            Interlocked.Increment(ref _busy);
            try
            {
                // Checked again after counting itself busy, so a pause that saw no busy worker never has one running.
                if (_gate.Task.IsCompleted && !stopping.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref _next);
                    await WriteKinds.Scenarios[(int)(n % WriteKinds.Scenarios.Length)](writer, n);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
            }
        }
    }
}
