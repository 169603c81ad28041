using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.MySql.Migrations;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;
using Microsoft.Extensions.Logging;

namespace Strata.Differential.Engine;

/// <summary>An empty database with a schema's tables: a temporary SQLite file, or a new database on the private PostgreSQL or MariaDB server.</summary>
public static class SchemaDatabase
{
    /// <summary>Creates the database and its tables; returns the URL a client connects to and the SQLite file to delete afterwards.</summary>
    public static async Task<(string Url, string? File)> CreateAsync(StrataProvider provider, string schemaFile)
    {
        var schema = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, schemaFile))).Schema;
        if (provider == StrataProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "strata-diff-" + Guid.NewGuid().ToString("N") + ".db");
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await CreateTablesAsync(connection, new SqliteMigrationDialect(), schema);
            return ("file:" + file, file);
        }
        if (provider == StrataProvider.MySql)
        {
            var mysql = await MariaDbServer.Shared.CreateDatabaseAsync("diff");
            await using (var connection = new MySqlConnector.MySqlConnection(mysql))
            {
                await connection.OpenAsync();
                // Text by code point, as the oracle compares it (Prisma's utf8mb4_unicode_ci is pinned by MySqlBehaviourTests).
                await CreateTablesAsync(connection, new MySqlMigrationDialect(), schema, MariaDbServer.WithBinaryCollation);
            }
            // A mysql:// URL: a connection string's Server= would also read as PostgreSQL's.
            return (MariaDbServer.Shared.UrlBase + new MySqlConnector.MySqlConnectionStringBuilder(mysql).Database, null);
        }
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("diff");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await CreateTablesAsync(connection, new PostgresMigrationDialect(), schema);
        }
        return (connectionString, null);
    }

    /// <summary>Removes a SQLite file made by <see cref="CreateAsync"/> (PostgreSQL and MariaDB databases go with their server).</summary>
    public static void Delete(string? file)
    {
        SqliteConnection.ClearAllPools();
        if (file != null) File.Delete(file);
    }

    private static async Task CreateTablesAsync(System.Data.Common.DbConnection connection, IMigrationDialect dialect, Strata.Schema.Semantics.SchemaDefinition schema, Func<string, string>? edit = null)
    {
        var steps = MigrationPlanner.CreateAll(SchemaMapper.Map(schema, dialect), dialect);
        var script = dialect.Render(steps);
        await new MigrationRunner(connection, dialect).ExecuteScriptAsync(edit == null ? script : edit(script));
    }
}

/// <summary>Keeps the last statements a client logged (a failing case prints them).</summary>
public sealed class StatementLog : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly Queue<string> _lines = new();

    public void Clear()
    {
        lock (_lines) _lines.Clear();
    }

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    /// <summary>Client options that log every statement, with its values, here.</summary>
    public StrataOptions Options(string url) => new()
    {
        Url = url, LogParameterValues = true,
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information)),
    };

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > 20) _lines.Dequeue();
        }
    }

    private sealed class Logger(StatementLog owner) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(formatter(state, exception));
    }
}
