using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.History;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Migrate.Pulling;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests.Pulling;

/// <summary>
/// One database made for a pull comparison, in one of three ways (a case name says which):
/// <c>schema:NAME</c> creates a test schema of Schemas/valid as `migrate diff --from-empty` would,
/// <c>project:NAME</c> deploys a real project's migration history from ../shared/data, and
/// <c>sql:NAME</c> runs a hand-written script of Pulling/Databases. Then Strata's pull and the
/// schema engine's introspection read that same database.
/// </summary>
public static class PulledDatabase
{
    /// <summary>The cases of one provider (<c>sqlite</c> or <c>postgresql</c>) of one kind.</summary>
    public static TheoryData<string> Cases(string provider, string kind)
    {
        var data = new TheoryData<string>();
        IEnumerable<string> names = kind switch
        {
            "schema" => ((IEnumerable<object[]>)RoundTripTests.SchemasFor(provider)).Select(row => Path.GetFileNameWithoutExtension((string)row[0])),
            "project" => ((IEnumerable<object[]>)RoundTripTests.ProjectsFor(provider)).Select(row => Path.GetRelativePath(TestPaths.PrismaProjects, Path.GetDirectoryName((string)row[0])!)),
            _ => Directory.GetFiles(SqlFolder, (provider == "sqlite" ? "sqlite" : "postgres") + "-*.sql").Select(Path.GetFileNameWithoutExtension).OfType<string>(),
        };
        foreach (var name in names.Order(StringComparer.Ordinal)) data.Add($"{kind}:{name}");
        return data;
    }

    private static string SqlFolder => Path.Combine(AppContext.BaseDirectory, "Pulling", "Databases");

    /// <summary>Both reads of a SQLite database made for <paramref name="name"/>: Strata's first, the engine's second, each formatted by Prisma.</summary>
    public static async Task<(string Strata, string Engine)> SqliteAsync(string name)
    {
        var file = Path.Combine(Environment.GetEnvironmentVariable("STRATA_TEST_TMP") is { Length: > 0 } tmp ? tmp : Path.GetTempPath(), $"pull-{Guid.NewGuid():N}.db");
        try
        {
            string header;
            string strata;
            // No pooling: the file is closed, and so complete on disk, before the engine reads it.
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                var schemas = await BuildAsync(connection, name, new SqliteMigrationDialect());
                header = Header("sqlite", schemas);
                strata = await PullAsync(connection, header, schemas, new SqliteMigrationDialect(), new SqliteIntrospector(), new SqlitePullTypes());
            }
            return (PrismaOracle.Format(strata), PrismaOracle.IntrospectSqlite(header, file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Both reads of a PostgreSQL database made for <paramref name="name"/>: Strata's first, the engine's second, each formatted by Prisma.</summary>
    public static async Task<(string Strata, string Engine)> PostgresAsync(string name)
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("pulloracle");
        try
        {
            string header;
            string strata;
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                var schemas = await BuildAsync(connection, name, new PostgresMigrationDialect());
                header = Header("postgresql", schemas);
                strata = await PullAsync(connection, header, schemas, new PostgresMigrationDialect(), new PostgresIntrospector(), new PostgresPullTypes());
            }
            return (PrismaOracle.Format(strata), PrismaOracle.IntrospectPostgres(header, database));
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(database);
        }
    }

    /// <summary>Makes the database of a case; returns the database schemas its datasource lists (empty for the default one).</summary>
    private static async Task<IReadOnlyList<string>> BuildAsync(DbConnection connection, string name, IMigrationDialect dialect)
    {
        var (kind, rest) = (name[..name.IndexOf(':')], name[(name.IndexOf(':') + 1)..]);
        switch (kind)
        {
            case "schema":
            {
                var schema = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid", rest + ".prisma"))).Schema;
                await ExecuteAsync(connection, dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(schema, dialect), dialect)));
                return schema.Datasource?.Schemas ?? [];
            }
            case "project":
            {
                var dir = Path.Combine(TestPaths.PrismaProjects, rest);
                await new MigrationRunner(connection, dialect).DeployAsync(new MigrationDirectory(Path.Combine(dir, "migrations")).List());
                return SchemaCompilation.FromText(File.ReadAllText(Path.Combine(dir, "schema.prisma"))).Schema.Datasource?.Schemas ?? [];
            }
            default:
                await ExecuteAsync(connection, File.ReadAllText(Path.Combine(SqlFolder, rest + ".sql")));
                return [];
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The datasource block both reads start from, as `prisma format` writes it.</summary>
    private static string Header(string provider, IReadOnlyList<string> schemas)
    {
        var lines = $"datasource db {{\n  provider = \"{provider}\"\n";
        if (schemas.Count > 0) lines += $"  schemas  = [{string.Join(", ", schemas.Select(s => $"\"{s}\""))}]\n";
        return lines + "}\n";
    }

    private static async Task<string> PullAsync(DbConnection connection, string header, IReadOnlyList<string> schemas, IMigrationDialect dialect, IIntrospector introspector, IPullTypes types)
    {
        var live = await introspector.IntrospectAsync(connection, schemas);
        return header + "\n" + SchemaWriter.Write(live, types, dialect);
    }
}
