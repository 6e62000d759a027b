using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The contract an integrator generates a client from: every document the gateway serves passes Redocly's recommended
/// lint, and a C# client generated (NSwag) from the platform's one document compiles and works through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class OpenApiContractTests(PlatformFixture platform)
{
    /// <summary>Where the build installed Redocly CLI (the test project's OpenApiLint folder).</summary>
    private static readonly string LintDirectory = typeof(OpenApiContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OpenApiLint").Value!;

    [Fact]
    public async Task Every_document_passes_redocly_recommended_lint_without_a_warning()
    {
        using var anonymous = platform.Gateway();
        using var directory = new TemporaryDirectory();
        var files = new List<string>();
        foreach (var (name, path) in new[] { "projects", "enterprises", "talent", "ip", "reporting" }
                     .Select(s => (s, $"/openapi/{s}.json")).Append(("gateway", "/openapi/v1.json")).Append(("countytech", "/openapi/countytech.json")))
        {
            using var response = await anonymous.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var file = Path.Combine(directory.Path, name + ".json");
            await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
            files.Add(file);
        }

        Assert.Contains(files, f => f.EndsWith("countytech.json", StringComparison.Ordinal));
        var (exitCode, output) = await RunAsync("node",
            [Path.Combine(LintDirectory, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint",
             "--config", Path.Combine(LintDirectory, "redocly.yaml"), "--format", "stylish", .. files]);
        Assert.True(exitCode == 0 && output.Contains("Your API descriptions are valid", StringComparison.Ordinal) && !Problem().IsMatch(output),
            $"Redocly found problems (exit {exitCode}):\n{output}");
    }

    [Fact]
    public async Task The_platform_document_covers_every_deployed_area_and_the_admin_api_with_a_scope_on_each_operation()
    {
        using var anonymous = platform.Gateway();

        var document = await anonymous.GetAsync("/openapi/countytech.json").JsonAsync(HttpStatusCode.OK);

        Assert.Equal("/", document.GetProperty("servers")[0].GetProperty("url").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/admin/clients", "/api/v1/admin/audit" }
                     .Concat(platform.Services().Select(s => s switch
                     {
                         "projects" => "/api/v1/projects/{id}/approval",
                         "enterprises" => "/api/v1/enterprises",
                         "talent" => "/api/v1/talent/commissioners",
                         "ip" => "/api/v1/ip/patents",
                         _ => "/api/v1/reporting/indicators",
                     })))
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the platform's document");
        }

        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value).ToList();
        Assert.All(operations, operation =>
        {
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("x-required-scope").GetString()));
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        });
        var ids = operations.Select(o => o.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_client_generated_from_the_platform_document_registers_approves_reads_and_gets_a_typed_conflict()
    {
        Assert.Contains("projects", platform.Services());
        using var anonymous = platform.Gateway();
        var json = await anonymous.GetStringAsync("/openapi/countytech.json");

        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "CountyTechClient",
            UseBaseUrl = false,
            GenerateOptionalParameters = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings = { Namespace = "CountyTech.Generated" },
        }).GenerateFile();
        var scenario = Compile(code, Scenario).GetType("CountyTech.Generated.Scenario")!;

        using var writer = platform.Gateway(await platform.RegisterClientAsync("县科技局项目申报系统", "projects:write", "reporting:read"));
        using var reviewer = platform.Gateway(await platform.RegisterClientAsync("县科技局项目评审系统", "projects:read", "projects:review"));
        var run = (Task<string>)scenario.GetMethod("RunAsync")!.Invoke(null, [writer, reviewer])!;
        var conflict = await run;

        Assert.Contains("this project is approved", conflict, StringComparison.Ordinal);
    }

    /// <summary>
    /// What an integrator writes against the generated client: submit a project, approve it with a reviewer's key, read
    /// the year's indicators, then approve it again, which the rules forbid: a typed 409 with the problem details.
    /// </summary>
    private const string Scenario = """
        namespace CountyTech.Generated;

        public static class Scenario
        {
            public static async System.Threading.Tasks.Task<string> RunAsync(System.Net.Http.HttpClient writer, System.Net.Http.HttpClient reviewer)
            {
                var submitted = await new CountyTechClient(writer) { ReadResponseAsString = true }.SubmitProjectAsync(body: new SubmitProjectRequest
                {
                    Title = "高山茶园绿色防控技术示范",
                    Level = ProjectLevel.County,
                    Field = ProjectField.Agriculture,
                    LeadOrganization = "青川县茶叶产业发展中心",
                    Township = "乔庄镇",
                    PlannedStart = new System.DateTimeOffset(2025, 3, 1, 0, 0, 0, System.TimeSpan.Zero),
                    PlannedEnd = new System.DateTimeOffset(2026, 12, 31, 0, 0, 0, System.TimeSpan.Zero),
                    BudgetWan = 45.5m,
                });
                var review = new CountyTechClient(reviewer) { ReadResponseAsString = true };
                var approval = new ApproveProjectRequest
                {
                    ApprovedOn = new System.DateTimeOffset(2025, 4, 15, 0, 0, 0, System.TimeSpan.Zero),
                    FundingWan = 30m,
                };
                var approved = await review.ApproveProjectAsync(submitted.Id, body: approval);
                if (approved.Status != ProjectStatus.Approved || approved.FundingWan != 30m)
                {
                    throw new System.InvalidOperationException($"Approval answered {approved.Status} {approved.FundingWan}.");
                }

                var indicators = await new CountyTechClient(writer) { ReadResponseAsString = true }.GetIndicatorsAsync(year: "2025");
                if (indicators.Year != 2025 || indicators.Indicators.Count == 0)
                {
                    throw new System.InvalidOperationException("No indicators for 2025.");
                }

                try
                {
                    await review.ApproveProjectAsync(submitted.Id, body: approval);
                }
                catch (ApiException<ProblemDetails> conflict) when (conflict.StatusCode == 409)
                {
                    return conflict.Result.Detail;
                }

                throw new System.InvalidOperationException("A second approval was not refused.");
            }
        }
        """;

    private static Assembly Compile(params string[] sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .Distinct().Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("CountyTech.Generated." + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "The generated client does not compile:\n"
            + string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        image.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = LintDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>A problem line of Redocly's stylish format: <c>  12:5  warning  rule-name  message</c>.</summary>
    [GeneratedRegex(@"^\s*\d+:\d+\s+(error|warning)\s", RegexOptions.Multiline)]
    private static partial Regex Problem();

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("countytech-openapi-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
