using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
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
/// <c>project:NAME</c> deploys a real project's migration history from ../shared/data,
/// <c>sample:NAME</c> loads one of the sample databases there (Chinook, Northwind, Pagila), and
/// <c>sql:NAME</c> runs a hand-written script of Pulling/Databases. Then Strata's pull and the
/// schema engine's introspection read that same database.
/// </summary>
public static class PulledDatabase
{
    /// <summary>The sample databases of ../shared/data, per provider: a database file to copy, or a script to run.</summary>
    private static readonly Dictionary<string, (string? File, string? Script)> Samples = new()
    {
        ["sqlite chinook"] = (Path.Combine("chinook", "Chinook_Sqlite.sqlite"), null),
        ["sqlite northwind"] = (null, Path.Combine("northwind-sqlite", "create.sql")),
        ["postgresql chinook"] = (null, Path.Combine("chinook", "Chinook_PostgreSql.sql")),
        ["postgresql northwind"] = (null, Path.Combine("northwind-postgres", "northwind.sql")),
        // Pagila's schema only: partitions, domains, views, triggers, functions; its rows add nothing to read.
        ["postgresql pagila"] = (null, Path.Combine("pagila", "pagila-schema.sql")),
    };

    /// <summary>The cases of one provider (<c>sqlite</c> or <c>postgresql</c>) of one kind.</summary>
    public static TheoryData<string> Cases(string provider, string kind)
    {
        var data = new TheoryData<string>();
        IEnumerable<string> names = kind switch
        {
            "schema" => ((IEnumerable<object[]>)RoundTripTests.SchemasFor(provider)).Select(row => Path.GetFileNameWithoutExtension((string)row[0])),
            "project" => ((IEnumerable<object[]>)RoundTripTests.ProjectsFor(provider)).Select(row => Path.GetRelativePath(TestPaths.PrismaProjects, Path.GetDirectoryName((string)row[0])!)),
            "sample" => Samples.Keys.Where(k => k.StartsWith(provider + " ", StringComparison.Ordinal)).Select(k => k[(provider.Length + 1)..]),
            _ => Directory.GetFiles(SqlFolder, (provider == "sqlite" ? "sqlite" : "postgres") + "-*.sql").Select(Path.GetFileNameWithoutExtension).OfType<string>(),
        };
        foreach (var name in names.Order(StringComparer.Ordinal)) data.Add($"{kind}:{name}");
        return data;
    }

    private static string SqlFolder => Path.Combine(AppContext.BaseDirectory, "Pulling", "Databases");

    /// <summary>Both reads of a SQLite database made for <paramref name="name"/>, each formatted by Prisma, and Strata's round trip.</summary>
    public static async Task<PullComparison> SqliteAsync(string name)
    {
        var file = Path.Combine(Environment.GetEnvironmentVariable("STRATA_TEST_TMP") is { Length: > 0 } tmp ? tmp : Path.GetTempPath(), $"pull-{Guid.NewGuid():N}.db");
        try
        {
            if (Samples.TryGetValue("sqlite " + name[(name.IndexOf(':') + 1)..], out var sample) && sample.File != null)
                File.Copy(Path.Combine(TestPaths.SharedData, sample.File), file);
            // No pooling: the file is closed, and so complete on disk, before the engine reads it.
            var connectionString = $"Data Source={file};Pooling=False";
            IReadOnlyList<string> schemas;
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                // Scripts of many single-row INSERTs (Northwind) would otherwise wait for the disk after each one.
                await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY;");
                schemas = await BuildAsync(connection, "sqlite", name, new SqliteMigrationDialect());
            }
            var header = Header("sqlite", schemas);
            (string Pulled, string RoundTrip) strata;
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                strata = await PullAsync(connection, header, schemas, new SqliteMigrationDialect(), new SqliteIntrospector(), new SqlitePullTypes());
            }
            return new PullComparison(PrismaOracle.Format(strata.Pulled), PrismaOracle.IntrospectSqlite(header, file), strata.RoundTrip);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Both reads of a PostgreSQL database made for <paramref name="name"/>, each formatted by Prisma, and Strata's round trip.</summary>
    public static async Task<PullComparison> PostgresAsync(string name)
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("pulloracle");
        try
        {
            // The pull reads on a connection of its own: a script may change its session (Pagila empties the search_path).
            IReadOnlyList<string> schemas;
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                schemas = await BuildAsync(connection, "postgresql", name, new PostgresMigrationDialect());
            }
            var header = Header("postgresql", schemas);
            (string Pulled, string RoundTrip) strata;
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                strata = await PullAsync(connection, header, schemas, new PostgresMigrationDialect(), new PostgresIntrospector(), new PostgresPullTypes(), new PostgresPullNotes());
            }
            return new PullComparison(PrismaOracle.Format(strata.Pulled), PrismaOracle.IntrospectPostgres(header, database), strata.RoundTrip);
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(database);
        }
    }

    /// <summary>Makes the database of a case; returns the database schemas its datasource lists (empty for the default one).</summary>
    private static async Task<IReadOnlyList<string>> BuildAsync(DbConnection connection, string provider, string name, IMigrationDialect dialect)
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
            case "sample":
            {
                var (_, script) = Samples[provider + " " + rest];
                // Chinook's script makes its own database first, with psql's \c to reach it: the test has made one already.
                if (script != null) await ExecuteAsync(connection, WithoutDatabaseCommands(File.ReadAllText(Path.Combine(TestPaths.SharedData, script))));
                return [];
            }
            default:
                await ExecuteAsync(connection, File.ReadAllText(Path.Combine(SqlFolder, rest + ".sql")));
                return [];
        }
    }

    private static string WithoutDatabaseCommands(string script) =>
        string.Join('\n', script.Split('\n').Where(line => !line.StartsWith("DROP DATABASE", StringComparison.Ordinal)
            && !line.StartsWith("CREATE DATABASE", StringComparison.Ordinal) && !line.StartsWith("\\c ", StringComparison.Ordinal)));

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

    private static async Task<(string Pulled, string RoundTrip)> PullAsync(DbConnection connection, string header, IReadOnlyList<string> schemas, IMigrationDialect dialect,
        IIntrospector introspector, IPullTypes types, IPullNotes? notes = null)
    {
        var live = await introspector.IntrospectAsync(connection, schemas);
        var read = notes == null ? null : await notes.ReadAsync(connection, schemas);
        var pulled = header + "\n" + SchemaWriter.Write(live, types, dialect, read);
        return (pulled, RoundTrip(pulled, live, dialect));
    }

    /// <summary>
    /// What Strata makes of the schema it pulled: its errors, or else the SQL that would turn the
    /// database into what the schema asks for (empty when the schema asks for exactly that database).
    /// </summary>
    public static string RoundTrip(string pulled, DatabaseSchema live, IMigrationDialect dialect)
    {
        var compilation = SchemaCompilation.FromText(pulled);
        if (compilation.HasErrors) return "errors: " + string.Join("\n", compilation.Diagnostics.Where(d => d.Severity == Strata.Schema.Diagnostics.DiagnosticSeverity.Error));
        return dialect.Render(SchemaDiffer.Diff(live, SchemaMapper.Map(compilation.Schema, dialect), dialect));
    }
}

/// <summary>Strata's pull and the engine's introspection of one database (each formatted by Prisma), and what Strata makes of its own pull (<see cref="PulledDatabase.RoundTrip"/>).</summary>
public sealed record PullComparison(string Strata, string Engine, string RoundTrip);
