using Strata.Migrate.Diffing;
using Strata.Migrate.Model;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests.Oracle;

/// <summary>The two sides of a comparison: `migrate diff --script` from Strata and from Prisma's schema engine.</summary>
internal static class OracleDiff
{
    /// <summary>
    /// Strata's script from <paramref name="from"/> (null: the empty database) to <paramref name="to"/>,
    /// made the way DiffCommand makes it; null when Strata does not accept a schema.
    /// </summary>
    public static string? Strata(string? from, string to, string provider)
    {
        IMigrationDialect dialect = provider == "sqlite" ? new SqliteMigrationDialect() : new PostgresMigrationDialect();
        DatabaseSchema? Map(string text)
        {
            var compilation = SchemaCompilation.FromText(text);
            return compilation.HasErrors ? null : SchemaMapper.Map(compilation.Schema, dialect);
        }
        var source = from == null ? new DatabaseSchema([], [], []) : Map(from);
        var target = Map(to);
        if (source == null || target == null) return null;
        var steps = SchemaDiffer.Diff(source, target, dialect);
        return steps.Count == 0 ? "-- This is an empty migration.\n" : dialect.Render(steps);
    }

    /// <summary>The engine's script; on PostgreSQL against an empty database of its own, dropped afterwards.</summary>
    public static async Task<string> EngineAsync(string? from, string to, string provider)
    {
        if (provider == "sqlite") return PrismaOracle.DiffSqlite(from, to);
        var database = await PostgresServer.Shared.CreateDatabaseAsync("oracle");
        try { return PrismaOracle.DiffPostgres(from, to, database); }
        finally { await PostgresServer.Shared.DropDatabaseAsync(database); }
    }
}
