using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Migrate.Pulling;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Schema.Formatting;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>
/// `db pull`'s schema writer: create a database from a schema, read it back into a new schema, and
/// that schema is valid and asks for exactly the database that is there.
/// </summary>
public class PullTests
{
    private static async Task<string> CreateAndPull(DbConnection connection, string schemaText, IMigrationDialect dialect, IIntrospector introspector, IPullTypes types)
    {
        var schema = SchemaCompilation.FromText(schemaText).Schema;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(schema, dialect), dialect));
            await command.ExecuteNonQueryAsync();
        }
        var schemas = schema.Datasource?.Schemas ?? [];
        var live = await introspector.IntrospectAsync(connection, schemas);
        var header = $"datasource db {{\n  provider = \"{(dialect.Provider == Schema.Semantics.ProviderKind.Sqlite ? "sqlite" : "postgresql")}\"\n{(schemas.Count > 0 ? $"  schemas  = [{string.Join(", ", schemas.Select(s => $"\"{s}\""))}]\n" : "")}}}\n\n";
        var pulled = header + SchemaWriter.Write(live, types, dialect);
        var compilation = SchemaCompilation.FromText(pulled);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics) + "\n" + pulled);
        Assert.NotNull(SchemaFormatter.FormatText(pulled));
        var steps = SchemaDiffer.Diff(live, SchemaMapper.Map(compilation.Schema, dialect), dialect);
        Assert.True(steps.Count == 0, "the pulled schema asks for another database:\n" + dialect.Render(steps) + "\n" + pulled);
        return pulled;
    }

    [Theory]
    [MemberData(nameof(RoundTripTests.SqliteSchemas), MemberType = typeof(RoundTripTests))]
    public Task Sqlite_pull_gives_a_schema_for_the_same_database(string path) => SqlitePull(path);

    [SharedDataTheory]
    [MemberData(nameof(RoundTripTests.SqliteProjects), MemberType = typeof(RoundTripTests))]
    public Task Sqlite_pull_gives_a_schema_for_a_real_projects_database(string path) => SqlitePull(path);

    [Theory]
    [MemberData(nameof(RoundTripTests.PostgresSchemas), MemberType = typeof(RoundTripTests))]
    public Task Postgres_pull_gives_a_schema_for_the_same_database(string path) => PostgresPull(path);

    [SharedDataTheory]
    [MemberData(nameof(RoundTripTests.PostgresProjects), MemberType = typeof(RoundTripTests))]
    public Task Postgres_pull_gives_a_schema_for_a_real_projects_database(string path) => PostgresPull(path);

    private static async Task SqlitePull(string path)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await CreateAndPull(connection, File.ReadAllText(path), new SqliteMigrationDialect(), new SqliteIntrospector(), new SqlitePullTypes());
    }

    private static async Task PostgresPull(string path)
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("pull"));
        await connection.OpenAsync();
        await CreateAndPull(connection, File.ReadAllText(path), new PostgresMigrationDialect(), new PostgresIntrospector(), new PostgresPullTypes());
    }

    [Fact]
    public async Task Pulled_relations_are_named_after_the_models_they_point_to()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var pulled = await CreateAndPull(connection, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid", "user-todo.prisma")),
            new SqliteMigrationDialect(), new SqliteIntrospector(), new SqlitePullTypes());
        // As Prisma's introspection names them: the model's own name, in either direction.
        Assert.Contains("  User        User    @relation(fields: [userId], references: [id])\n", SchemaFormatter.FormatText(pulled));
        Assert.Contains("  Todo     Todo[]\n", SchemaFormatter.FormatText(pulled));
    }
}
