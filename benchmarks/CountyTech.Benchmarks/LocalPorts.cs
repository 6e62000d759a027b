using System.Net;
using System.Net.Sockets;

namespace CountyTech.Benchmarks;

/// <summary>Ports on the loopback for the processes a benchmark starts beside the platform.</summary>
internal static class LocalPorts
{
    /// <summary>A port nothing listens on now (the system's choice of a free one).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether something accepts connections on <paramref name="port"/> of the loopback.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
