using System.Diagnostics;

namespace Strata.Packaging.Tests;

/// <summary>Runs a command to its end and returns its output; a non-zero exit fails the test with everything it printed.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string workingDirectory, IDictionary<string, string> environment, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("DATABASE_URL"); // only what the test gives
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"`{file} {string.Join(' ', args)}` did not end within 10 minutes.");
        }
        var text = await output + await error;
        if (process.ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"`{file} {string.Join(' ', args)}` in {workingDirectory} exited with {process.ExitCode}:\n{text}");
        return text.Replace("\r\n", "\n");
    }
}
