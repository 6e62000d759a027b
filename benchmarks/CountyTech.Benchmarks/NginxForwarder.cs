using System.Diagnostics;

namespace CountyTech.Benchmarks;

/// <summary>
/// The same forwarding done by a proxy written in C: nginx, one worker, its connections to the destination kept open and
/// reused, each request passed on as it came (with the proof the caller sends, as on the direct path). Beside the bare
/// YARP forwarder it tells how much of what a forwarding process costs on this machine is the second process and hop
/// themselves, and how much is .NET's HTTP server and client, on which every YARP gateway runs.
/// </summary>
internal sealed class NginxForwarder(Process process, DirectoryInfo directory, Uri address) : IAsyncDisposable
{
    /// <summary>Where Debian's package puts it; <c>PATH</c> is tried first.</summary>
    private const string DebianPath = "/usr/sbin/nginx";

    public Uri Address => address;

    public static async Task<NginxForwarder> StartAsync(Uri destination)
    {
        var directory = Directory.CreateTempSubdirectory("countytech-nginx-");
        var port = LocalPorts.Free();
        var host = destination.Host == "localhost" ? "127.0.0.1" : destination.Host;
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "nginx.conf"), $$"""
            worker_processes 1;
            pid nginx.pid;
            error_log error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path body; proxy_temp_path proxy; fastcgi_temp_path fastcgi; uwsgi_temp_path uwsgi; scgi_temp_path scgi;
                upstream destination { server {{host}}:{{destination.Port}}; keepalive 64; }
                server {
                    listen 127.0.0.1:{{port}};
                    location / { proxy_pass http://destination; proxy_http_version 1.1; proxy_set_header Connection ""; }
                }
            }
            """);
        var start = new ProcessStartInfo(Executable()) { RedirectStandardError = true };
        foreach (var argument in new[] { "-p", directory.FullName, "-c", "nginx.conf", "-e", "error.log", "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var forwarder = new NginxForwarder(process, directory, new Uri($"http://127.0.0.1:{port}"));
        var patience = Stopwatch.StartNew();
        while (!await LocalPorts.AcceptsAsync(port))
        {
            if (process.HasExited || patience.Elapsed > TimeSpan.FromSeconds(10))
            {
                var log = Path.Combine(directory.FullName, "error.log");
                var reason = await process.StandardError.ReadToEndAsync() + (File.Exists(log) ? await File.ReadAllTextAsync(log) : "");
                await forwarder.DisposeAsync();
                throw new InvalidOperationException($"nginx did not listen on port {port}: {reason}");
            }

            await Task.Delay(50);
        }

        return forwarder;
    }

    private static string Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "nginx"))
            .FirstOrDefault(File.Exists) ?? DebianPath;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        directory.Delete(recursive: true);
    }
}
