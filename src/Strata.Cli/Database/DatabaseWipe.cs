using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Schema.Semantics;

namespace Strata.Cli.Database;

/// <summary>Empties a database: every table, view and type, for `migrate reset`, `db push --force-reset` and shadow databases.</summary>
internal static class DatabaseWipe
{
    /// <summary>
    /// On PostgreSQL drops the target's schemas and <c>public</c> (which holds the history table
    /// and whatever is not qualified), with all they hold, and creates <c>public</c> again; with
    /// <paramref name="keepSchemas"/> the target's schemas too, empty. Without, the database is as a
    /// new one, so that a shadow replay compared with it sees the migrations create their schemas.
    /// SQLite has no schemas: its tables and views are dropped one by one. Names are quoted by
    /// the target's dialect.
    /// </summary>
    public static async Task EmptyAsync(DbConnection connection, DatabaseTarget target, bool keepSchemas, CancellationToken token)
    {
        var dialect = target.Dialect;
        if (target.Provider == ProviderKind.PostgreSql)
        {
            foreach (var name in target.Schemas.Append("public").Distinct())
            {
                var schema = dialect.QuoteIdentifier(name);
                bool recreate = keepSchemas || name == "public";
                await DbQuery.ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {schema} CASCADE;{(recreate ? $" CREATE SCHEMA {schema};" : "")}", token);
            }
            return;
        }
        if (target.Provider == ProviderKind.MySql)
        {
            // A MySQL database is its schema: its tables and views go one by one, foreign keys unchecked meanwhile.
            var tables = await DbQuery.ListAsync(connection,
                "SELECT TABLE_TYPE, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", r => (Type: r.GetString(0), Name: r.GetString(1)), token);
            await DbQuery.ExecuteAsync(connection, "SET FOREIGN_KEY_CHECKS = 0;", token);
            foreach (var (type, name) in tables)
                await DbQuery.ExecuteAsync(connection, $"DROP {(type == "VIEW" ? "VIEW" : "TABLE")} IF EXISTS {dialect.QuoteIdentifier(name)};", token);
            await DbQuery.ExecuteAsync(connection, "SET FOREIGN_KEY_CHECKS = 1;", token);
            return;
        }
        var objects = await DbQuery.ListAsync(connection,
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'", r => (Type: r.GetString(0), Name: r.GetString(1)), token);
        await DbQuery.ExecuteAsync(connection, "PRAGMA foreign_keys=OFF;", token);
        foreach (var (type, name) in objects)
            await DbQuery.ExecuteAsync(connection, $"DROP {(type == "view" ? "VIEW" : "TABLE")} IF EXISTS {dialect.QuoteIdentifier(name)};", token);
        await DbQuery.ExecuteAsync(connection, "PRAGMA foreign_keys=ON;", token);
    }
}
