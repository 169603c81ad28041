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
        // A MySQL database is its schema, and SQLite has none: their tables and views go one by one, foreign keys unchecked meanwhile.
        if (target.Provider == ProviderKind.MySql)
            await DropOneByOneAsync(connection, target, "SELECT TABLE_TYPE = 'VIEW', TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
                "SET FOREIGN_KEY_CHECKS = 0;", "SET FOREIGN_KEY_CHECKS = 1;", token);
        else
            await DropOneByOneAsync(connection, target, "SELECT type = 'view', name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
                "PRAGMA foreign_keys=OFF;", "PRAGMA foreign_keys=ON;", token);
    }

    /// <summary>Drops the tables and views that <paramref name="listSql"/> names (is it a view, name), between turning foreign keys off and on.</summary>
    private static async Task DropOneByOneAsync(DbConnection connection, DatabaseTarget target, string listSql, string foreignKeysOff, string foreignKeysOn, CancellationToken token)
    {
        var objects = await DbQuery.ListAsync(connection, listSql, r => (IsView: Convert.ToBoolean(r.GetValue(0)), Name: r.GetString(1)), token);
        await DbQuery.ExecuteAsync(connection, foreignKeysOff, token);
        foreach (var (isView, name) in objects)
            await DbQuery.ExecuteAsync(connection, $"DROP {(isView ? "VIEW" : "TABLE")} IF EXISTS {target.Dialect.QuoteIdentifier(name)};", token);
        await DbQuery.ExecuteAsync(connection, foreignKeysOn, token);
    }
}
