using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Strata.TestSupport;

/// <summary>
/// A private PostgreSQL server for the tests: started once per test process (initdb into a
/// temporary folder, a free port on 127.0.0.1, as the `postgres` user when run as root) and
/// stopped and removed when the process exits. STRATA_TEST_POSTGRES, an Npgsql connection string,
/// points the tests at an existing server instead. There is no skipping: without a server the
/// tests that need one fail and say why.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> SharedServer = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databaseCounter;

    private readonly string? _directory;
    private readonly string? _binDirectory;
    private readonly string? _options;

    private PostgresServer(string connectionString, string? directory, string? binDirectory, string? options = null)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _binDirectory = binDirectory;
        _options = options;
    }

    /// <summary>The server for this test process.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "strata")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection)) await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, so that tests that make many keep the server small.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        // Idle pooled connections to it would keep it in use.
        await using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"")}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static PostgresServer Start()
    {
        var existing = Environment.GetEnvironmentVariable("STRATA_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(existing)) return new PostgresServer(existing, null, null);
        return Launch();
    }

    /// <summary>A server of the test's own, which it may stop and start again (fault tests); it is removed when the process ends.</summary>
    public static PostgresServer StartPrivate() => Launch();

    /// <summary>Stops the server at once, as a crash or a restart would, keeping its data (private servers only).</summary>
    public void Halt() => Run(Path.Combine(Bin, "pg_ctl"), ["-D", Path.Combine(_directory!, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");

    /// <summary>Starts a halted server again on the same port.</summary>
    public void Resume() => Run(Path.Combine(Bin, "pg_ctl"), ["-D", Path.Combine(_directory!, "data"), "-o", _options!, "-l", Path.Combine(_directory!, "server.log"), "-w", "-t", "60", "start"], Environment.UserName == "root");

    private string Bin => _binDirectory ?? throw new InvalidOperationException("This server was not started by the tests (STRATA_TEST_POSTGRES), so they cannot stop it.");

    private static PostgresServer Launch()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin == null)
        {
            throw new InvalidOperationException(
                "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin. ./test.sh installs the postgresql package; or set STRATA_TEST_POSTGRES to a connection string.");
        }

        // test.sh gives each run a folder of its own and, after the run, stops any server still running there.
        var baseDir = Environment.GetEnvironmentVariable("STRATA_TEST_TMP") is { Length: > 0 } runDir ? runDir : Path.GetTempPath();
        RemoveStoppedServers(baseDir);
        var dir = Path.Combine(baseDir, "strata-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        bool root = Environment.UserName == "root";
        // initdb refuses to run as root, so the server runs as the package's postgres user.
        if (root) Run("chown", ["postgres:postgres", dir], asPostgres: false);
        int port = FreePort();
        var data = Path.Combine(dir, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], root);
        var options = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start"], root);

        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=120", dir, bin, options);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(root);
        var stop = $"{Path.Combine(bin, "pg_ctl")} -D '{data}' -m immediate -w stop >/dev/null 2>&1";
        ServerWatch.Start(root ? $"runuser -u postgres -- {stop}" : stop, dir);
        return server;
    }

    /// <summary>
    /// Removes the folders of earlier test servers that are no longer running (no postmaster.pid):
    /// a test host may be ended before its exit handler finishes deleting its folder.
    /// </summary>
    private static void RemoveStoppedServers(string baseDir)
    {
        foreach (var old in Directory.GetDirectories(baseDir, "strata-pg-*"))
        {
            // A folder still being set up by a parallel test host has no postmaster.pid yet either, so only old ones go.
            if (File.Exists(Path.Combine(old, "data", "postmaster.pid")) || Directory.GetCreationTimeUtc(old) > DateTime.UtcNow.AddMinutes(-30)) continue;
            try { Directory.Delete(old, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void Stop(bool root)
    {
        if (_directory == null || _binDirectory == null) return;
        try
        {
            Run(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], root);
        }
        catch (InvalidOperationException)
        {
            // The server is already gone; only the folder is left to remove.
        }
        try { Directory.Delete(_directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Run(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(file);
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
