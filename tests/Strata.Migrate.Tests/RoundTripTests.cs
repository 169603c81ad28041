using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Schema.Semantics;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>
/// Create a schema from nothing on a real database, read it back, and the difference to the
/// schema is empty; then change the schema and the differ sees exactly that change.
/// </summary>
public class RoundTripTests
{
    public static TheoryData<string> SchemasFor(string provider)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid"), "*.prisma").Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(file).Contains($"provider = \"{provider}\"", StringComparison.Ordinal)) data.Add(file);
        }
        return data;
    }

    /// <summary>The real projects' schemas for a provider, in ../shared/data (the theories that use them are skipped without it).</summary>
    public static TheoryData<string> ProjectsFor(string provider)
    {
        var projects = provider == "sqlite"
            ? new[] { "epic-stack" }
            : ["hoppscotch", "reactive-resume", "saas-starter-kit", Path.Combine("umami", "postgresql")];
        var data = new TheoryData<string>();
        foreach (var project in projects) data.Add(Path.Combine(TestPaths.PrismaProjects, project, "schema.prisma"));
        return data;
    }

    public static TheoryData<string> SqliteSchemas() => SchemasFor("sqlite");

    public static TheoryData<string> PostgresSchemas() => SchemasFor("postgresql");

    public static TheoryData<string> SqliteProjects() => ProjectsFor("sqlite");

    public static TheoryData<string> PostgresProjects() => ProjectsFor("postgresql");

    private static SchemaDefinition Compile(string text)
    {
        var compilation = SchemaCompilation.FromText(text);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Schema;
    }

    private static async Task<IReadOnlyList<Steps.MigrationStep>> ApplyAndDiff(DbConnection connection, SchemaDefinition schema, IMigrationDialect dialect, IIntrospector introspector)
    {
        var target = SchemaMapper.Map(schema, dialect);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = dialect.Render(MigrationPlanner.CreateAll(target, dialect));
            await command.ExecuteNonQueryAsync();
        }
        var live = await introspector.IntrospectAsync(connection, schema.Datasource?.Schemas ?? []);
        return SchemaDiffer.Diff(live, target, dialect);
    }

    [Theory]
    [MemberData(nameof(SqliteSchemas))]
    public Task Sqlite_round_trip_has_no_difference(string path) => SqliteRoundTrip(path);

    [SharedDataTheory]
    [MemberData(nameof(SqliteProjects))]
    public Task Sqlite_round_trip_of_a_real_project_has_no_difference(string path) => SqliteRoundTrip(path);

    [Theory]
    [MemberData(nameof(PostgresSchemas))]
    public Task Postgres_round_trip_has_no_difference(string path) => PostgresRoundTrip(path);

    [SharedDataTheory]
    [MemberData(nameof(PostgresProjects))]
    public Task Postgres_round_trip_of_a_real_project_has_no_difference(string path) => PostgresRoundTrip(path);

    private static async Task SqliteRoundTrip(string path)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var steps = await ApplyAndDiff(connection, Compile(File.ReadAllText(path)), new SqliteMigrationDialect(), new SqliteIntrospector());
        Assert.True(steps.Count == 0, string.Join("\n", steps));
    }

    private static async Task PostgresRoundTrip(string path)
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("roundtrip"));
        await connection.OpenAsync();
        var steps = await ApplyAndDiff(connection, Compile(File.ReadAllText(path)), new PostgresMigrationDialect(), new PostgresIntrospector());
        Assert.True(steps.Count == 0, string.Join("\n", steps));
    }

    private const string Before = """
        datasource db {
          provider = "postgresql"
        }

        enum Role {
          USER
          ADMIN
        }

        model User {
          id    Int    @id @default(autoincrement())
          email String @unique
          name  String
          posts Post[]
        }

        model Post {
          id       Int  @id @default(autoincrement())
          authorId Int
          author   User @relation(fields: [authorId], references: [id])
        }
        """;

    [Fact]
    public async Task Postgres_differ_sees_each_kind_of_change()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("diff"));
        await connection.OpenAsync();
        var dialect = new PostgresMigrationDialect();
        Assert.Empty(await ApplyAndDiff(connection, Compile(Before), dialect, new PostgresIntrospector()));
        var live = await new PostgresIntrospector().IntrospectAsync(connection, []);

        var after = Before
            .Replace("  ADMIN\n", "  ADMIN\n  GUEST\n")
            .Replace("  name  String\n", "  name  String?\n  city  String @default(\"Delhi\")\n")
            .Replace("  author   User @relation(fields: [authorId], references: [id])\n", "  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n\n  @@index([authorId])\n");
        var steps = SchemaDiffer.Diff(live, SchemaMapper.Map(Compile(after), dialect), dialect);
        var kinds = steps.Select(s => s.GetType().Name).ToList();
        Assert.Equal(["AlterEnum", "DropForeignKey", "AddColumn", "AlterColumn", "CreateIndex", "AddForeignKey"], kinds);
        var alter = steps.OfType<Steps.AlterColumn>().Single();
        Assert.Equal("name", alter.To.Name);
        Assert.True(alter.To.Nullable);
        Assert.Equal(["USER", "ADMIN", "GUEST"], steps.OfType<Steps.AlterEnum>().Single().To.Values);
        Assert.Equal("'Delhi'", steps.OfType<Steps.AddColumn>().Single().Column.Default);
    }
}
