using CountyTech.Benchmarks;

// Issue 7's measurements on the platform run.sh started; each compared with its baseline in the same run.
var arguments = Arguments.Parse(args);
var settings = arguments.Settings;
var adminKey = Environment.GetEnvironmentVariable("COUNTYTECH_ADMIN_KEY")
    ?? throw new InvalidOperationException("COUNTYTECH_ADMIN_KEY is not set.");
var results = new Results();
var began = DateTimeOffset.UtcNow;
var loadBefore = Machine.LoadAverage();

Console.WriteLine("Waiting for the platform...");
using var platform = await RunningPlatform.WaitForAsync(adminKey, TimeSpan.FromMinutes(10));
var ready = DateTimeOffset.UtcNow - arguments.Started;
results.Note($"Platform (AppHost, PostgreSQL, RabbitMQ, 5 services, gateway) healthy {ready.TotalSeconds:0.0} s after the AppHost started.");

if (arguments.Runs("idle"))
{
    Console.WriteLine("CPU with no request...");
    await Footprint.IdleCpuAsync(platform, settings.HttpDuration, results);
}

if (arguments.Runs("gateway"))
{
    Console.WriteLine("Gateway against direct...");
    await GatewayMeasurements.RunAsync(platform, settings, results);
}

if (arguments.Runs("writes"))
{
    Console.WriteLine("Writes at the maximum rate and at half of it...");
    await WriteLoad.RunAsync(platform, settings, arguments.WorkDirectory, results);
}

if (arguments.Runs("relay"))
{
    Console.WriteLine("Outbox relay against raw RabbitMQ.Client...");
    await PipelineMeasurements.RelayAsync(platform, settings, results);
}

if (arguments.Runs("apply"))
{
    Console.WriteLine("Reporting's consumer against binary COPY...");
    await PipelineMeasurements.ApplyAsync(platform, settings, results);
}

if (arguments.Runs("footprint"))
{
    Console.WriteLine("Memory and start-up...");
    Footprint.ResidentMemory(platform, results);
    await Footprint.StartUpAsync(platform, results);
}

if (arguments.Runs("indicators"))
{
    Console.WriteLine("Indicators at scale...");
    await IndicatorScale.RunAsync(platform, settings, results);
}

var heading =
    $"## {(settings.Smoke ? "Smoke run (tiny data, figures meaningless)" : "Full run")} of {began:yyyy-MM-dd HH:mm} UTC\n\n" +
    $"Machine: {Machine.Describe()}. Load average (1/5/15 min): {loadBefore} at the start, {Machine.LoadAverage()} at the end. " +
    $"Took {(DateTimeOffset.UtcNow - began).TotalMinutes:0.0} min. Command: `benchmarks/run.sh{(settings.Smoke ? " --smoke" : "")}{(arguments.Only.Count > 0 ? " --only " + string.Join(",", arguments.Only) : "")}`.";
var table = results.Markdown(heading);
await File.WriteAllTextAsync(arguments.Output, table);
Console.WriteLine();
Console.WriteLine(table);
Console.WriteLine($"Written to {arguments.Output}");
