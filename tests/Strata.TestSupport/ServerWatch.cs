using System.Diagnostics;

namespace Strata.TestSupport;

/// <summary>
/// Stops a test server once the test process that started it is gone, however that process ended: a
/// test host is often ended without running its exit handlers, which would leave the server running.
/// </summary>
internal static class ServerWatch
{
    /// <summary>Starts a shell that waits for this process to end, then runs <paramref name="stop"/> (shell text) and removes <paramref name="folder"/>.</summary>
    public static void Start(string stop, string folder)
    {
        var watch = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        watch.ArgumentList.Add("-c");
        watch.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{folder}'");
        using var watcher = Process.Start(watch);
    }
}
