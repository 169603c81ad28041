using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace Strata.TestSupport;

/// <summary>
/// A private MariaDB server for the tests: started once per test process (mariadb-install-db into a
/// temporary folder, mariadbd on a free port on 127.0.0.1, utf8mb4 with Prisma's collation) and stopped
/// and removed when the process exits. STRATA_TEST_MYSQL, a MySqlConnector connection string, points
/// the tests at an existing server instead. There is no skipping: without a server the tests that
/// need one fail and say why.
/// </summary>
public sealed class MariaDbServer
{
    private static readonly Lazy<MariaDbServer> SharedServer = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databaseCounter;

    private readonly string? _directory;
    private readonly Process? _process;

    private MariaDbServer(string connectionString, string? directory, Process? process)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _process = process;
    }

    /// <summary>The server for this test process.</summary>
    public static MariaDbServer Shared => SharedServer.Value;

    /// <summary>A connection string to the server as root, with no database chosen.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's address as a Prisma URL (<c>mysql://root@127.0.0.1:port/</c>), without a database.</summary>
    public string UrlBase
    {
        get
        {
            var b = new MySqlConnectionStringBuilder(ConnectionString);
            var password = string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password);
            return $"mysql://{Uri.EscapeDataString(b.UserID)}{password}@{b.Server}:{b.Port}/";
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "strata")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}".ToLowerInvariant();
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`", connection)) await drop.ExecuteNonQueryAsync();
        await using (var create = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection)) await create.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// A creation script with its tables in the binary collation without padding, so that text compares and
    /// orders by code point as on the other databases (the shared suites' expectations). Prisma's own
    /// utf8mb4_unicode_ci, where case, accents and trailing spaces do not count, is pinned by tests of its own.
    /// (A table's collation cannot change afterwards while foreign keys use its text columns.)
    /// </summary>
    public static string WithBinaryCollation(string script) =>
        script.Replace("COLLATE utf8mb4_unicode_ci", "COLLATE utf8mb4_nopad_bin", StringComparison.Ordinal);

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new MySqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new MySqlConnection(connectionString)) MySqlConnection.ClearPool(pooled);
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{name.Replace("`", "``")}`", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static MariaDbServer Start()
    {
        var existing = Environment.GetEnvironmentVariable("STRATA_TEST_MYSQL");
        if (!string.IsNullOrWhiteSpace(existing)) return new MariaDbServer(existing, null, null);
        return Launch();
    }

    private static MariaDbServer Launch()
    {
        var server = new[] { "/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/sbin/mysqld" }.FirstOrDefault(File.Exists);
        var install = new[] { "/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db" }.FirstOrDefault(File.Exists);
        if (server == null || install == null)
        {
            throw new InvalidOperationException(
                "The MariaDB server (mariadbd, mariadb-install-db) was not found. ./test.sh installs the mariadb-server package; or set STRATA_TEST_MYSQL to a connection string.");
        }

        // test.sh gives each run a folder of its own and, after the run, stops any server still running there.
        var baseDir = Environment.GetEnvironmentVariable("STRATA_TEST_TMP") is { Length: > 0 } runDir ? runDir : Path.GetTempPath();
        var dir = Path.Combine(baseDir, "strata-mdb-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var data = Path.Combine(dir, "data");
        bool root = Environment.UserName == "root";
        var user = root ? new[] { "--user=root" } : [];
        Run(install, ["--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve", .. user]);

        int port = FreePort();
        var start = new ProcessStartInfo(server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[
            "--no-defaults", "--datadir=" + data, .. user, "--port=" + port, "--bind-address=127.0.0.1",
            "--socket=" + Path.Combine(dir, "mysqld.sock"), "--pid-file=" + Path.Combine(dir, "mysqld.pid"),
            "--log-error=" + Path.Combine(dir, "server.log"), "--skip-name-resolve", "--skip-log-bin",
            // Prisma's migrations name utf8mb4 with utf8mb4_unicode_ci on each table; the server's default matches.
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
            // Speed for throwaway data: no flush per commit, a small buffer pool.
            "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--innodb-buffer-pool-size=128M",
            "--max-connections=300", "--local-infile=1"])
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {server}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var connectionString = $"Server=127.0.0.1;Port={port};User ID=root;Connection Timeout=30;Default Command Timeout=120;Allow User Variables=true";
        var result = new MariaDbServer(connectionString, dir, process);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => result.Stop();
        ServerWatch.Start($"kill {process.Id} 2>/dev/null; sleep 2; kill -9 {process.Id} 2>/dev/null", dir);
        WaitUntilReady(result, process, dir);
        return result;
    }

    private static void WaitUntilReady(MariaDbServer server, Process process, string dir)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"mariadbd ended at start ({process.ExitCode}): {ReadLog(dir)}");
            try
            {
                using var connection = new MySqlConnection(server.ConnectionString);
                connection.Open();
                return;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string ReadLog(string dir)
    {
        try { return File.ReadAllText(Path.Combine(dir, "server.log")); } catch (IOException) { return "(no log)"; }
    }

    private void Stop()
    {
        if (_process == null || _directory == null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        try { Directory.Delete(_directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
