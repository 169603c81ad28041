using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate;
using Strata.Migrate.Introspection;
using Strata.Postgres;
using Strata.Postgres.Migrations;
using Strata.Schema.Loading;
using Strata.Schema.Semantics;
using Strata.Sqlite;
using Strata.Sqlite.Migrations;

namespace Strata.Cli.Database;

/// <summary>The database a command works on: its provider's migration parts and how to connect.</summary>
internal sealed record DatabaseTarget(ProviderKind Provider, IMigrationDialect Dialect, IIntrospector Introspector, string ConnectionString, string Display, IReadOnlyList<string> Schemas)
{
    /// <summary>The URL or connection string as given (a seed command receives it), before the CLI's conversions.</summary>
    public string Url { get; init; } = ConnectionString;

    /// <summary>
    /// The target for a schema: <paramref name="urlOverride"/>, else the datasource's url (env()
    /// read with <paramref name="env"/>). Null, with a one-line reason, when it cannot be had.
    /// </summary>
    public static DatabaseTarget? Resolve(SchemaLocation location, SchemaDefinition schema, Func<string, string?> env, string? urlOverride, out string? error)
    {
        error = null;
        var datasource = schema.Datasource;
        if (datasource == null || datasource.ProviderKind == ProviderKind.Unsupported)
        {
            error = datasource == null
                ? "The schema has no datasource; add `datasource db { provider = \"sqlite\" url = env(\"DATABASE_URL\") }`."
                : $"Strata does not support the provider \"{datasource.Provider}\" yet; use \"sqlite\" or \"postgresql\".";
            return null;
        }
        string? url = urlOverride;
        if (url != null && url.Trim().Length == 0)
        {
            error = "--url was given an empty value; give a URL (file:./dev.db, postgresql://...) or a connection string.";
            return null;
        }
        if (url == null)
        {
            if (datasource.Url == null)
            {
                error = "The datasource has no url. Add `url = env(\"DATABASE_URL\")` to it, or pass --url.";
                return null;
            }
            url = datasource.Url.Resolve(env);
            if (string.IsNullOrWhiteSpace(url))
            {
                error = $"The environment variable {datasource.Url.Text} is not set. Set it, add it to .env, or pass --url.";
                return null;
            }
        }
        return For(datasource.ProviderKind, url, location.Directory, datasource.Schemas, out error);
    }

    /// <summary>
    /// The target for a URL or connection string of <paramref name="provider"/>; relative SQLite files
    /// resolve against <paramref name="baseDirectory"/>. Null, with a one-line reason, when it is not valid.
    /// What users see of it (<see cref="Display"/>) has its password hidden.
    /// </summary>
    public static DatabaseTarget? For(ProviderKind provider, string url, string baseDirectory, IReadOnlyList<string> schemas, out string? error)
    {
        error = null;
        try
        {
            var display = ConnectionSecrets.Redact(url.Trim());
            var connectionString = provider switch
            {
                ProviderKind.Sqlite => SqliteUrl.ToConnectionString(url, baseDirectory),
                ProviderKind.MySql => Strata.MySql.MySqlUrl.ToConnectionString(url),
                _ => PostgresUrl.ToConnectionString(url),
            };
            error = ConnectionStringCheck.Problem(provider, connectionString);
            if (error != null) return null;
            if (provider == ProviderKind.MySql)
                return new DatabaseTarget(ProviderKind.MySql, new Strata.MySql.Migrations.MySqlMigrationDialect(), new Strata.MySql.Migrations.MySqlIntrospector(),
                    Strata.MySql.Migrations.MySqlMigrationDialect.ForMigrations(connectionString), display, []) { Url = url.Trim() };
            if (provider != ProviderKind.Sqlite) connectionString = PostgresMigrationDialect.ForMigrations(connectionString);
            return provider == ProviderKind.Sqlite
                ? new DatabaseTarget(ProviderKind.Sqlite, new SqliteMigrationDialect(), new SqliteIntrospector(), connectionString, display, []) { Url = url.Trim() }
                : new DatabaseTarget(ProviderKind.PostgreSql, new PostgresMigrationDialect(), new PostgresIntrospector(), connectionString, display, schemas) { Url = url.Trim() };
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>
    /// Opens a connection; null, with a one-line reason, when the database cannot be reached. With
    /// <paramref name="createIfMissing"/> a PostgreSQL database that does not exist yet is created first, as
    /// Prisma's migrate dev and db push do (a SQLite file is created by opening it).
    /// </summary>
    public async Task<DbConnection?> OpenAsync(CliContext context, CancellationToken cancellationToken, bool createIfMissing = false)
    {
        DbConnection? connection = null;
        try
        {
            connection = Provider switch
            {
                ProviderKind.Sqlite => new SqliteConnection(ConnectionString),
                ProviderKind.MySql => new MySqlConnector.MySqlConnection(ConnectionString),
                _ => new NpgsqlConnection(ConnectionString),
            };
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && createIfMissing)
            {
                await CreatePostgresDatabaseAsync(context, cancellationToken);
                await connection.OpenAsync(cancellationToken);
            }
            catch (MySqlConnector.MySqlException e) when (e.ErrorCode == MySqlConnector.MySqlErrorCode.UnknownDatabase && createIfMissing)
            {
                await CreateMySqlDatabaseAsync(context, cancellationToken);
                await connection.OpenAsync(cancellationToken);
            }
            return connection;
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            if (connection != null) await connection.DisposeAsync();
            var reason = e is PostgresException pg ? pg.MessageText : e.InnerException?.Message ?? e.Message;
            Output.DiagnosticPrinter.PrintError(context, $"Cannot connect to {Display}: {reason}");
            return null;
        }
    }

    /// <summary>Creates the URL's MySQL database with Prisma's character set and collation, connected to the server with no database chosen.</summary>
    private async Task CreateMySqlDatabaseAsync(CliContext context, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        builder.Database = "";
        await using var server = new MySqlConnector.MySqlConnection(builder.ConnectionString);
        await server.OpenAsync(cancellationToken);
        await DbQuery.ExecuteAsync(server, $"CREATE DATABASE {Dialect.QuoteIdentifier(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", cancellationToken);
        context.Out.WriteLine($"Created the MySQL database {name} at {builder.Server}:{builder.Port}.");
    }

    /// <summary>Creates the URL's PostgreSQL database, connected to the server's <c>postgres</c> database with the same credentials.</summary>
    private async Task CreatePostgresDatabaseAsync(CliContext context, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var maintenance = new NpgsqlConnection(builder.ConnectionString);
        await maintenance.OpenAsync(cancellationToken);
        await using var command = maintenance.CreateCommand();
        command.CommandText = "CREATE DATABASE \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
        context.Out.WriteLine($"Created the PostgreSQL database {name} at {builder.Host}:{builder.Port}.");
    }
}
