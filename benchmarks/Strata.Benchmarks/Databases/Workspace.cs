using Microsoft.Data.Sqlite;
using Npgsql;

namespace Strata.Benchmarks.Databases;

/// <summary>
/// The databases of one run: a SQLite file in a temporary folder and a database on a private
/// PostgreSQL server, both created and seeded before anything is measured, and removed at the end.
/// The benchmarks run in this process (in-process toolchain), so they find it as <see cref="Current"/>.
/// </summary>
public sealed class Workspace : IAsyncDisposable
{
    private static Workspace? _current;

    private readonly string _directory;
    private readonly PostgresServer _server;

    private Workspace(string directory, PostgresServer server, BenchDatabase sqlite, BenchDatabase postgres)
    {
        _directory = directory;
        _server = server;
        Sqlite = sqlite;
        PostgreSql = postgres;
    }

    public static Workspace Current => _current ?? throw new InvalidOperationException("The workspace is created by Program before any benchmark runs.");

    public BenchDatabase Sqlite { get; }

    public BenchDatabase PostgreSql { get; }

    /// <summary>The SQLite file, which the cold-start programs open too.</summary>
    public string SqlitePath => new SqliteConnectionStringBuilder(Sqlite.ConnectionString).DataSource;

    public string PostgresVersion => _server.Version;

    public BenchDatabase For(Provider provider) => provider == Provider.Sqlite ? Sqlite : PostgreSql;

    public static async Task<Workspace> CreateAsync(TextWriter log)
    {
        var directory = Path.Combine(Path.GetTempPath(), "strata-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "bench.db");
        // Foreign keys on for every library, as Strata always has them.
        var sqliteConnection = new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true }.ConnectionString;
        var sqlite = new BenchDatabase(Provider.Sqlite, sqliteConnection, $"Data Source={file}");
        log.WriteLine($"SQLite: {file}");
        PostgresServer? server = null;
        try
        {
            await Seeder.SeedSqliteAsync(sqliteConnection);
            log.WriteLine("PostgreSQL: starting a private server");
            server = PostgresServer.Start();
            await using (var admin = new NpgsqlConnection(server.ConnectionString()))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE DATABASE bench", admin);
                await create.ExecuteNonQueryAsync();
            }
            var pgConnection = server.ConnectionString("bench");
            await Seeder.SeedPostgresAsync(pgConnection);
            log.WriteLine($"PostgreSQL: {server.Version} on 127.0.0.1:{server.Port}");
            var workspace = new Workspace(directory, server, sqlite, new BenchDatabase(Provider.PostgreSql, pgConnection, pgConnection));
            _current = workspace;
            return workspace;
        }
        catch
        {
            server?.Dispose();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (ReferenceEquals(_current, this)) _current = null;
        // Pooled connections would keep the server waiting and the SQLite file open.
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        _server.Dispose();
        try { Directory.Delete(_directory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
