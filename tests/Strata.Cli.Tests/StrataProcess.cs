using System.Diagnostics;

namespace Strata.Cli.Tests;

/// <summary>The built `strata` program run as a separate process, with real standard output and error.</summary>
public static class StrataProcess
{
    public static (int Code, string Out, string Error) Run(string workingDirectory, params string[] args) => RunAs(null, workingDirectory, args);

    /// <summary>Runs as <paramref name="user"/> (through runuser, which needs root) or as this process's user when null.</summary>
    public static (int Code, string Out, string Error) RunAs(string? user, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(user == null ? "dotnet" : "runuser")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user != null)
        {
            foreach (var a in new[] { "-u", user, "--", "dotnet" }) start.ArgumentList.Add(a);
            // The other user has no home to write the SDK's first-run files into; the tool needs none.
            start.Environment["DOTNET_CLI_HOME"] = workingDirectory;
            start.Environment["HOME"] = workingDirectory;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Strata.Cli.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            Assert.Fail($"strata {string.Join(' ', args)} did not exit within 60 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
