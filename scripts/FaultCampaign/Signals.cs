using System.Diagnostics;
using System.Globalization;

namespace CountyTech.FaultCampaign;

/// <summary>Signals by the <c>kill</c> command, and process trees from <c>/proc</c>.</summary>
internal static class Signals
{
    public static async Task SendAsync(string signal, IReadOnlyCollection<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-s", signal, .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        await kill.WaitForExitAsync();
    }

    /// <summary><paramref name="root"/> and every process below it.</summary>
    public static List<int> Tree(int root)
    {
        var children = LinuxProcess.All().ToLookup(p => p.ParentPid, p => p.Pid);
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(children[tree[i]]);
        }

        return tree;
    }

    /// <summary>Waits until none of <paramref name="pids"/> runs any more (a zombie counts as gone), at most <paramref name="patience"/>.</summary>
    public static async Task<bool> GoneAsync(IReadOnlyCollection<int> pids, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (pids.Any(Alive))
        {
            if (waited.Elapsed > patience)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    private static bool Alive(int pid) => LinuxProcess.StatFields(pid) is { } stat && stat[0] != "Z";
}
