using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Client.Tests.Blog;
using Strata.Migrate;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.MySql.Migrations;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>A fresh database with the test schema's tables, on SQLite (a temporary file) or on the private PostgreSQL or MariaDB server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _file;

    private TestDatabase(StrataProvider provider, string url, string? file)
    {
        Provider = provider;
        Url = url;
        _file = file;
    }

    public StrataProvider Provider { get; }

    /// <summary>The URL the client connects to.</summary>
    public string Url { get; }

    /// <param name="provider">The database.</param>
    /// <param name="schemaFile">The schema whose tables are made.</param>
    /// <param name="binaryText">On MySQL, text columns compare by code point as elsewhere (see <see cref="MariaDbServer.WithBinaryCollation"/>); false keeps Prisma's utf8mb4_unicode_ci.</param>
    public static async Task<TestDatabase> CreateAsync(StrataProvider provider, string schemaFile = "Schema/blog.prisma", bool binaryText = true)
    {
        var schema = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, schemaFile))).Schema;
        if (provider == StrataProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "strata-client-" + Guid.NewGuid().ToString("N") + ".db");
            var url = "file:" + file;
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await CreateTablesAsync(connection, new SqliteMigrationDialect(), schema);
            return new TestDatabase(provider, url, file);
        }
        if (provider == StrataProvider.MySql)
        {
            var mysql = await MariaDbServer.Shared.CreateDatabaseAsync("client");
            await using (var connection = new MySqlConnector.MySqlConnection(mysql))
            {
                await connection.OpenAsync();
                await CreateTablesAsync(connection, new MySqlMigrationDialect(), schema, binaryText ? MariaDbServer.WithBinaryCollation : null);
            }
            // A mysql:// URL: a connection string's Server= would also read as PostgreSQL's.
            return new TestDatabase(provider, MariaDbServer.Shared.UrlBase + new MySqlConnector.MySqlConnectionStringBuilder(mysql).Database, null);
        }
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("client");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await CreateTablesAsync(connection, new PostgresMigrationDialect(), schema);
        }
        return new TestDatabase(provider, connectionString, null);
    }

    /// <summary>A client of the test schema on this database.</summary>
    public BlogDb Client(StrataOptions? options = null)
    {
        options ??= new StrataOptions();
        options.Url = Url;
        return new BlogDb(options);
    }

    private static async Task CreateTablesAsync(System.Data.Common.DbConnection connection, IMigrationDialect dialect, Strata.Schema.Semantics.SchemaDefinition schema, Func<string, string>? edit = null)
    {
        var steps = MigrationPlanner.CreateAll(SchemaMapper.Map(schema, dialect), dialect);
        var script = dialect.Render(steps);
        await new MigrationRunner(connection, dialect).ExecuteScriptAsync(edit == null ? script : edit(script));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_file != null) File.Delete(_file);
        return ValueTask.CompletedTask;
    }
}
