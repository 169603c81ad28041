using System.Reflection;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.Data.Sqlite;
using Strata.Benchmarks.ColdStart;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Libraries;
using Strata.Benchmarks.Report;
using Strata.Benchmarks.Scenarios;
using Strata.Benchmarks.Seed;
using Strata.Benchmarks.Verify;

namespace Strata.Benchmarks.Running;

/// <summary>
/// One run, in order: databases created and seeded; every library verified on both providers;
/// the scenarios measured; cold start timed; the report written. The private PostgreSQL server is
/// stopped and the temporary files removed however the run ends.
/// </summary>
public static class Driver
{
    public static async Task<int> RunAsync(RunSettings settings, string command)
    {
        var started = DateTime.UtcNow;
        var loadAtStart = RunInfo.ReadLoad();
        Console.WriteLine($"Machine load at start: {loadAtStart ?? "unknown"}");
        RunSettings.Current = settings;
        await using var workspace = await Workspace.CreateAsync(Console.Out);
        try
        {
            foreach (var provider in Enum.GetValues<Provider>()) await Verifier.VerifyAsync(provider, Console.Out);

            var summaries = Measure(settings);
            var measurements = LibraryResult.From(summaries);
            List<ColdStartResult>? coldStart = null;
            if (settings.ColdStartLaunches > 0)
                coldStart = await ColdStartRunner.RunAsync(workspace.SqlitePath, ExpectedColdStartLine(), settings.ColdStartLaunches, Console.Out);

            var run = new RunInfo(started, DateTime.UtcNow - started, command,
                MachineLines(summaries),
                loadAtStart, RunInfo.ReadLoad(), await SqliteVersionAsync(workspace), workspace.PostgresVersion, JobDescription(settings));
            var report = MarkdownReport.Write(run, settings, measurements, coldStart, Budget.Evaluate(measurements, coldStart, settings));
            Directory.CreateDirectory(Path.GetDirectoryName(settings.ReportPath)!);
            await File.WriteAllTextAsync(settings.ReportPath, report);
            Console.WriteLine($"Report written to {settings.ReportPath}");

            var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
            foreach (var f in failed) Console.Error.WriteLine($"Failed: {f}");
            return failed.Count == 0 ? 0 : 1;
        }
        finally
        {
            await LibrarySet.DisposeAllAsync();
        }
    }

    /// <summary>The scenarios in the report's order, each a BenchmarkDotNet run of its own.</summary>
    private static Summary[] Measure(RunSettings settings)
    {
        var types = typeof(Driver).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<ScenarioAttribute>() != null)
            .OrderBy(t => t.GetCustomAttribute<ScenarioAttribute>()!.Order)
            .ToArray();
        var artifacts = Path.Combine(RepositoryRoot, "artifacts", "benchmarks");
        var config = BenchConfig.Create(settings, artifacts);
        if (settings.Filter != null) config = BenchmarkDotNet.Configs.ConfigExtensions.AddFilter(config, new GlobFilter([settings.Filter]));
        return BenchmarkRunner.Run(types, config);
    }

    /// <summary>BenchmarkDotNet's description of the host (OS, CPU, SDK) and of the runtime the benchmarks ran on.</summary>
    private static List<string> MachineLines(Summary[] summaries)
    {
        var summary = summaries.FirstOrDefault();
        if (summary == null) return [];
        return [.. summary.HostEnvironmentInfo.ToFormattedString(), .. summary.AllRuntimes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd())];
    }

    private static string JobDescription(RunSettings settings) => settings.Quick
        ? $"quick mode: BenchmarkDotNet in-process, 1 launch, {BenchConfig.QuickWarmups} warm-ups and {BenchConfig.QuickIterations} measured iterations of about 100 ms each, no overhead evaluation; insert scenarios {WriteJobAttribute.QuickWarmups} warm-ups and {WriteJobAttribute.QuickIterations} measured calls, one call per iteration; Strata runs right after hand-written ADO.NET in each scenario"
        : "full mode: BenchmarkDotNet in-process with its default iteration counts; insert scenarios one call per iteration; Strata runs right after hand-written ADO.NET in each scenario";

    /// <summary>What every cold-start program prints for post 1 of the seed.</summary>
    private static string ExpectedColdStartLine()
    {
        var post = SeedData.PostRows()[0];
        return $"{post.Id}|{post.Title}|{post.CreatedAt:O}";
    }

    private static async Task<string> SqliteVersionAsync(Workspace workspace)
    {
        await using var connection = new SqliteConnection(workspace.Sqlite.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The repository this driver was built from (docs/ and the cold-start programs are found from it).</summary>
    public static string RepositoryRoot =>
        typeof(Driver).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
}
