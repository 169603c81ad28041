using System.Diagnostics;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>The runtime is AOT-ready: the Quickstart publishes trimmed and self-contained with no trim or AOT warning, and the trimmed app runs.</summary>
public class TrimTests
{
    [Fact]
    public async Task The_quickstart_publishes_trimmed_without_warnings_and_runs()
    {
        var output = Directory.CreateTempSubdirectory("strata-trimmed-").FullName;
        try
        {
            var (code, log) = await RunAsync("dotnet", TestPaths.RepoRoot, "publish", "samples/Quickstart", "-c", "Release", "-r", "linux-x64",
                "-p:TrimCheck=true", "-o", output, "-nologo");
            Assert.True(code == 0, log);
            var warnings = log.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(warnings.Count == 0, string.Join("\n", warnings));

            var (runCode, printed) = await RunAsync(Path.Combine(output, "Quickstart"), output, "file:" + Path.Combine(output, "t.db"));
            Assert.True(runCode == 0, printed);
            Assert.Contains("Deleted user: harkirat, now 22. Users left: 0, todos left: 0.", printed);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + stderr);
    }
}
