using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Schema.Semantics;

namespace Strata.Cli.Database;

/// <summary>Empties a database: every table, view and type, for `migrate reset`, `db push --force-reset` and shadow databases.</summary>
internal static class DatabaseWipe
{
    /// <summary>
    /// On PostgreSQL drops the target's schemas (with all they hold) and creates them again; SQLite
    /// has no schemas, so its tables and views are dropped one by one. Names are quoted by the target's dialect.
    /// </summary>
    public static async Task EmptyAsync(DbConnection connection, DatabaseTarget target, CancellationToken token)
    {
        var dialect = target.Dialect;
        if (target.Provider == ProviderKind.PostgreSql)
        {
            foreach (var name in target.Schemas.Count == 0 ? ["public"] : target.Schemas)
            {
                var schema = dialect.QuoteIdentifier(name);
                await DbQuery.ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};", token);
            }
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
