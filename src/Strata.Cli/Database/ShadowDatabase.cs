using Npgsql;
using Strata.Migrate.History;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Schema.Semantics;

namespace Strata.Cli.Database;

/// <summary>
/// Replays migrations into a throw-away database and reads the result back: the state the
/// migration files describe, whatever the real database holds. SQLite uses a temporary file;
/// PostgreSQL uses the shadow URL given (wiped first), or else a temporary database on the
/// development server that is dropped afterwards.
/// </summary>
internal static class ShadowDatabase
{
    /// <summary>The target for a URL given on the command line (relative SQLite files resolve against the working folder); null after printing why it is not valid.</summary>
    public static DatabaseTarget? Target(CliContext context, ProviderKind provider, string url, IReadOnlyList<string> schemas)
    {
        var target = DatabaseTarget.For(provider, url, context.WorkingDirectory, schemas, out var error);
        if (target == null) Output.DiagnosticPrinter.PrintError(context, error!);
        return target;
    }

    /// <summary>The schema that <paramref name="migrations"/> produce; null (after printing why) when it cannot be had.</summary>
    public static async Task<DatabaseSchema?> ReplayAsync(CliContext context, ProviderKind provider, IReadOnlyList<MigrationFile> migrations,
        IReadOnlyList<string> schemas, string? shadowUrl, DatabaseTarget? server, CancellationToken token)
    {
        if (provider == ProviderKind.Sqlite)
        {
            var file = Path.Combine(context.TempDirectory, $"strata-shadow-{Guid.NewGuid():N}.db");
            try
            {
                var target = Target(context, provider, "file:" + file, []);
                return target == null ? null : await ReplayIntoAsync(context, target, migrations, token);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(file);
            }
        }
        if (shadowUrl != null)
        {
            var shadow = Target(context, provider, shadowUrl, schemas);
            if (shadow == null) return null;
            await using (var connection = await shadow.OpenAsync(context, token))
            {
                if (connection == null) return null;
                await DatabaseWipe.EmptyAsync(connection, shadow, keepSchemas: false, token);
            }
            return await ReplayIntoAsync(context, shadow, migrations, token);
        }
        if (server == null)
        {
            Output.DiagnosticPrinter.PrintError(context, "Replaying migrations on PostgreSQL needs --shadow-database-url: a database that Strata may wipe.");
            return null;
        }
        // A temporary database on the development server, dropped afterwards.
        var databaseName = $"strata_shadow_{Guid.NewGuid():N}"[..30];
        await using var admin = await server.OpenAsync(context, token);
        if (admin == null) return null;
        var quoted = server.Dialect.QuoteIdentifier(databaseName);
        await DbQuery.ExecuteAsync(admin, $"CREATE DATABASE {quoted}{(provider == ProviderKind.MySql ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" : "")}", token);
        try
        {
            var connectionString = provider == ProviderKind.MySql
                ? new MySqlConnector.MySqlConnectionStringBuilder(server.ConnectionString) { Database = databaseName, Pooling = false }.ConnectionString
                : new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = databaseName, Pooling = false }.ConnectionString;
            var temporary = server with { ConnectionString = connectionString, Display = "the temporary shadow database" };
            return await ReplayIntoAsync(context, temporary, migrations, token);
        }
        finally
        {
            await DbQuery.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {quoted}{(provider == ProviderKind.MySql ? "" : " WITH (FORCE)")}", CancellationToken.None);
        }
    }

    private static async Task<DatabaseSchema?> ReplayIntoAsync(CliContext context, DatabaseTarget target, IReadOnlyList<MigrationFile> migrations, CancellationToken token)
    {
        await using var connection = await target.OpenAsync(context, token);
        if (connection == null) return null;
        await new MigrationRunner(connection, target.Dialect).DeployAsync(migrations, null, token);
        return await target.Introspector.IntrospectAsync(connection, target.Schemas, token);
    }
}
