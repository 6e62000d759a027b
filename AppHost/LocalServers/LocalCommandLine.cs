using System.Diagnostics;
using System.Text;

namespace CountyTech.LocalServers;

/// <summary>A program and its arguments, to run once to completion or to hand to a process supervisor.</summary>
internal sealed record LocalCommandLine(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Runs to completion; a non-zero exit throws with the command's output.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(FileName, Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {FileName}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{this}' exited with code {process.ExitCode}:{Environment.NewLine}{Read(output)}");
        }
    }

    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
