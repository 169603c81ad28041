using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Strata.Benchmarks.Databases;

/// <summary>
/// A PostgreSQL server of the benchmark's own, as the tests start theirs (tests/Strata.TestSupport):
/// initdb into a temporary folder, a free port on 127.0.0.1, run as the <c>postgres</c> user when the
/// benchmark runs as root (initdb refuses root). Disposing stops this server, and only this one, and
/// removes its folder.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private readonly bool _asPostgres;
    private bool _stopped;

    private PostgresServer(string directory, string bin, bool asPostgres, int port)
    {
        _directory = directory;
        _bin = bin;
        _asPostgres = asPostgres;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's version line (<c>postgres --version</c>), for the report.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The maintenance database as the superuser.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=30;Command Timeout=300";

    public static PostgresServer Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin: install the postgresql package (./test.sh does).");
        bool root = Environment.UserName == "root";
        StopOrphans(bin, root);
        var dir = Path.Combine(Path.GetTempPath(), "strata-bench-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (root) Run("chown", ["postgres:postgres", dir], asPostgres: false);
        int port = FreePort();
        var server = new PostgresServer(dir, bin, root, port);
        try
        {
            var data = Path.Combine(dir, "data");
            Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], root);
            // Durability settings as the tests use them: commits wait for no disk flush, so the numbers
            // measure the libraries and the server's work, not this machine's disk.
            var options = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start"], root);
            server.Version = Run(Path.Combine(bin, "postgres"), ["--version"], asPostgres: false).Trim();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        // A run ended by Ctrl+C or an unhandled exception still stops the server it started.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        var data = Path.Combine(_directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try { Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], _asPostgres); }
            catch (InvalidOperationException) { /* already gone: only the folder is left */ }
        }
        try { Directory.Delete(_directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private const string OwnerFile = "owner.pid";

    /// <summary>
    /// Stops and removes the servers of earlier benchmark runs whose process is gone (a run killed
    /// before it could stop its server). Each folder names the process that started it; servers of a
    /// run still going, and anything not started by this benchmark, are left alone.
    /// </summary>
    private static void StopOrphans(string bin, bool asPostgres)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "strata-bench-pg-*"))
        {
            var owner = Path.Combine(dir, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out int pid) || IsRunning(pid)) continue;
            new PostgresServer(dir, bin, asPostgres, 0).Dispose();
        }
    }

    private static bool IsRunning(int pid)
    {
        try { using var process = Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;

    private static string Run(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(true);
            throw new InvalidOperationException($"{file} did not finish in 120 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        return output.Result;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
