using System.Globalization;
using CountyTech.FaultCampaign;
using CountyTech.Testing;

// Issue 10's fault campaign on the platform scripts/fault-campaign.sh started: a sustained write load through the
// gateway, faults injected one after another, and after each the indicators compared with every acknowledged write.
var options = args.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
string Option(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");
var full = Option("--mode") == "full";
var work = Option("--work");
var started = DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(Option("--started"), CultureInfo.InvariantCulture) * 1000));
var adminKey = Environment.GetEnvironmentVariable("COUNTYTECH_ADMIN_KEY") ?? throw new InvalidOperationException("COUNTYTECH_ADMIN_KEY is not set.");
var began = DateTimeOffset.UtcNow;
var loadBefore = Machine.LoadAverage();

Console.WriteLine("Waiting for the platform...");
using var platform = await RunningPlatform.WaitForAsync(adminKey, TimeSpan.FromMinutes(20)); // a machine loaded by others starts slowly
Console.WriteLine($"Healthy {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s after the AppHost started.");
var client = await platform.RegisterAsync("故障演练", [.. WriteKinds.Scopes, "projects:read", "enterprises:read", "talent:read", "ip:read"]);

await using var startedAgain = new StartedProcesses(work);
var services = new Services(platform, client.ApiKey, startedAgain);
var servers = new Servers(work, platform.ProjectsDb, startedAgain);
var (brokerProxy, proxiedBroker) = TcpFaultProxy.ForBroker(platform.Broker);
await using var proxy = brokerProxy;
var faults = new Faults(servers, services, brokerProxy, proxiedBroker, TimeSpan.FromSeconds(full ? 10 : 5)).Plan(full);

var tally = new Tally();
var writer = new Writer(platform.Http, platform.Gateway, client.ApiKey, tally);
var indicators = new Indicators(platform.Http, platform.Gateway, client.ApiKey, tally);
await using var load = new SustainedLoad(writer, workers: 8);
var campaign = new Campaign(load, tally, indicators, services, before: TimeSpan.FromSeconds(full ? 8 : 4));
load.Start();
await Task.Delay(TimeSpan.FromSeconds(full ? 15 : 8)); // JIT, connection pools and caches warmed before the first rate is taken

var rounds = new List<RoundResult>();
string Table(Comparison final) =>
    (full ? Summary.Introduction : "") + Summary.Markdown(
        $"## {(full ? "Full" : "Short")} campaign of {began:yyyy-MM-dd HH:mm} UTC\n\n" +
        $"Machine: {Machine.Describe()}. Load average (1/5/15 min): {loadBefore} at the start, {Machine.LoadAverage()} at the end. " +
        $"{rounds.Count} of {faults.Count} faults in {(DateTimeOffset.UtcNow - began).TotalMinutes:0.0} min. Command: `scripts/fault-campaign.sh{(full ? "" : " --short")}`.",
        rounds, final, tally);

foreach (var fault in faults)
{
    var round = await campaign.RunAsync(fault);
    rounds.Add(round);
    Console.WriteLine($"  → {round.Answers.Acknowledged} acknowledged, {round.Lost} lost, {round.Duplicated} duplicated, " +
        $"{round.Answers.ServerErrors} × 5xx ({round.Answers.Unavailable503} × 503 + Retry-After, {round.Answers.ServerErrors500} × 500), " +
        $"recovery {(round.Recovery is { } t ? $"{t.TotalSeconds:0.0} s" : "not seen")}{(round.Passed ? "" : " — FAILED")}");
    await File.WriteAllTextAsync(Option("--out"), Table(round.Comparison)); // so far, should the campaign be stopped early
}

var (final, _) = await indicators.DrainedAsync(TimeSpan.FromSeconds(30));
var table = Table(final);
await File.WriteAllTextAsync(Option("--out"), table);
Console.WriteLine();
Console.WriteLine(table);
Console.WriteLine($"Written to {Option("--out")}");
return rounds.All(r => full ? r.Passed : r.Correct) && final.Equal ? 0 : 1;
