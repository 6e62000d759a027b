using System.Net.Sockets;
using Npgsql;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Failures of the infrastructure rather than of the request or message (a dropped or terminated database connection,
/// a server restarting, a timeout): worth retrying or waiting out, and answered 503 with <c>Retry-After</c> when a
/// request cannot wait long enough.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception)
    {
        for (var current = (Exception?)exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or TimeoutException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
