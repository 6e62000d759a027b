using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CountyTech.Testing;

/// <summary>
/// A loopback TCP proxy between a service and one of its servers, to inject network faults: <see cref="CutAsync"/>
/// resets every open connection and refuses new ones (the server seems down); <see cref="Restore"/> accepts again.
/// <see cref="Stall"/> holds every byte in both directions (the connections stay open, nothing passes) until
/// <see cref="Resume"/>. The server itself keeps running, so other tests on it are not disturbed.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private volatile TaskCompletionSource? _stalled;
    private Task _accepting = Task.CompletedTask;

    private TcpFaultProxy(IPEndPoint upstream, int port)
    {
        _upstream = upstream;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A proxy to <paramref name="connectionString"/>'s PostgreSQL server, and that connection string through it.</summary>
    public static (TcpFaultProxy Proxy, string ConnectionString) ForPostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = new TcpFaultProxy(new IPEndPoint(IPAddress.Loopback, builder.Port), FreePorts.Take(1)[0]);
        proxy.Restore();
        builder.Host = "127.0.0.1";
        builder.Port = proxy.Port;
        return (proxy, builder.ConnectionString);
    }

    /// <summary>A proxy to the RabbitMQ broker of the AMQP URI <paramref name="connectionString"/>, and that URI through it.</summary>
    public static (TcpFaultProxy Proxy, string ConnectionString) ForBroker(string connectionString)
    {
        var broker = new UriBuilder(connectionString);
        var proxy = new TcpFaultProxy(new IPEndPoint(IPAddress.Loopback, broker.Port), FreePorts.Take(1)[0]);
        proxy.Restore();
        broker.Host = "127.0.0.1";
        broker.Port = proxy.Port;
        return (proxy, broker.Uri.ToString());
    }

    /// <summary>Holds every byte of every connection, both ways, until <see cref="Resume"/>.</summary>
    public void Stall() => _stalled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the held bytes through, and every byte after them.</summary>
    public void Resume() => Interlocked.Exchange(ref _stalled, null)?.TrySetResult();

    /// <summary>Accepts connections again, on the same port.</summary>
    public void Restore()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    /// <summary>Resets every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public async Task CutAsync()
    {
        _listener?.Stop();
        await _accepting;
        lock (_open)
        {
            foreach (var client in _open)
            {
                if (client.Client is { } socket) // null once a pump closed it
                {
                    socket.LingerState = new LingerOption(true, 0); // close with RST, as a dropped connection looks
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await CutAsync();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient downstream;
            try
            {
                downstream = await listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return; // stopped by CutAsync or DisposeAsync
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(_upstream, _stopping.Token);
            }
            catch (SocketException)
            {
                // The server itself is down: the client sees its connection closed, as it would without the proxy.
                upstream.Dispose();
                downstream.Dispose();
                continue;
            }
            catch (OperationCanceledException)
            {
                upstream.Dispose();
                downstream.Dispose();
                return;
            }

            lock (_open)
            {
                _open.Add(downstream);
                _open.Add(upstream);
            }

            _ = PumpAsync(downstream, upstream);
            _ = PumpAsync(upstream, downstream);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            var buffer = new byte[81920];
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer, _stopping.Token)) > 0)
            {
                if (_stalled is { } stalled)
                {
                    await stalled.Task.WaitAsync(_stopping.Token);
                }

                await target.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The other side or CutAsync closed the connection: the fault this proxy exists to make.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
