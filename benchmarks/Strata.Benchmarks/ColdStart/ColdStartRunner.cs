using System.Diagnostics;
using System.Reflection;

namespace Strata.Benchmarks.ColdStart;

/// <summary>
/// Cold start: each of the programs in benchmarks/ColdStart (built with this project) opens the
/// benchmark's SQLite file, reads post 1 and exits. A launch is timed whole, from Process.Start to
/// exit, so it includes the runtime's start, loading the library and its first query. Launches are
/// interleaved (one of each program per round) so a burst of load elsewhere on the machine falls on
/// all programs alike rather than on one.
/// </summary>
public static class ColdStartRunner
{
    /// <summary>The programs, the first being the hand-written baseline of the ratios.</summary>
    public static readonly string[] Programs = ["AdoNet", "Dapper", "EfCore", "Strata", "Baseline"];

    public static async Task<List<ColdStartResult>> RunAsync(string sqlitePath, string expectedLine, int launches, TextWriter log)
    {
        var paths = Programs.ToDictionary(p => p, ProgramPath);
        // One launch each, not timed: loads the files into the OS cache and checks what each prints.
        foreach (var (name, path) in paths)
        {
            var (output, _) = await LaunchAsync(path, sqlitePath);
            var expected = name == "Baseline" ? "baseline" : expectedLine;
            if (output != expected)
                throw new Verify.VerificationException($"Cold start: ColdStart.{name} printed \"{output}\" instead of \"{expected}\".");
        }
        var times = Programs.ToDictionary(p => p, _ => new List<double>());
        for (int round = 0; round < launches; round++)
        {
            // Rotate the order each round, so no program always runs right after another.
            for (int i = 0; i < Programs.Length; i++)
            {
                var name = Programs[(round + i) % Programs.Length];
                var (_, milliseconds) = await LaunchAsync(paths[name], sqlitePath);
                times[name].Add(milliseconds);
            }
        }
        var results = Programs.Select(p => new ColdStartResult(p, times[p])).ToList();
        foreach (var r in results) log.WriteLine($"Cold start {r.Program}: median {r.Median:F1} ms, mean {r.Mean:F1} ms over {r.Milliseconds.Count} launches");
        return results;
    }

    private static async Task<(string Output, double Milliseconds)> LaunchAsync(string path, string sqlitePath)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(sqlitePath);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {path}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(path)} exited with {process.ExitCode}: {await error}{await output}");
        return ((await output).Trim(), watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The built program: its app host, from the same configuration as this driver.</summary>
    private static string ProgramPath(string name)
    {
        var assembly = typeof(ColdStartRunner).Assembly;
        string Metadata(string key) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;
        var path = Path.Combine(Metadata("RepositoryRoot"), "benchmarks", "ColdStart", "ColdStart." + name, "bin", Metadata("Configuration"), "net10.0", "ColdStart." + name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The cold-start program ColdStart.{name} is not built at {path}; building Strata.Benchmarks builds it.", path);
        return path;
    }
}

/// <summary>The launch times of one cold-start program.</summary>
public sealed record ColdStartResult(string Program, List<double> Milliseconds)
{
    public double Mean => Milliseconds.Average();

    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            int middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();
}
