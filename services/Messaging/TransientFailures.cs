using System.Net.Sockets;
using Npgsql;

namespace CountyTech.Messaging;

/// <summary>Failures of the infrastructure rather than of the message: worth waiting out instead of giving up on.</summary>
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
