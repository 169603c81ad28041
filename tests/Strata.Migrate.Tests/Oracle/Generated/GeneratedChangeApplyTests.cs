using System.Data.Common;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Migrate.Tests.Oracle.Generated;

/// <summary>
/// The change scripts that <see cref="GeneratedChangeOracleTests"/> compares with the engine also
/// run: the generated schema before is created in a real database, the script of the change is
/// applied as a migration runs, and the database then matches the schema after (the differ finds
/// nothing left). The tables are empty, so what is checked is the SQL, not conversions of values.
/// STRATA_CHANGE_APPLY_CASES (per provider) and STRATA_CHANGE_ORACLE_SEED set a long run.
/// </summary>
public sealed class GeneratedChangeApplyTests(ITestOutputHelper output)
{
    private static int CaseCount => GeneratedRun.Count("STRATA_CHANGE_APPLY_CASES", 40);

    private static ulong Seed => GeneratedRun.Seed;

    [Fact]
    public async Task Sqlite_change_scripts_apply_and_leave_no_difference() =>
        await ApplyAll("sqlite", new SqliteMigrationDialect(), new SqliteIntrospector(), async () =>
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            return connection;
        });

    [Fact]
    public async Task Postgres_change_scripts_apply_and_leave_no_difference()
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("apply_changes");
        try
        {
            await ApplyAll("postgresql", new PostgresMigrationDialect(), new PostgresIntrospector(), async () =>
            {
                var connection = new NpgsqlConnection(database);
                await connection.OpenAsync();
                // Each case starts from an empty database: its own public schema, made anew.
                await using var reset = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
                await reset.ExecuteNonQueryAsync();
                return connection;
            });
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Mysql_change_scripts_apply_and_leave_no_difference() =>
        // Each case in a database of its own on the shared MariaDB (dropped with the server at the end).
        await ApplyAll("mysql", new Strata.MySql.Migrations.MySqlMigrationDialect(), new Strata.MySql.Migrations.MySqlIntrospector(), async () =>
        {
            // Without pooling: a pool per database would keep a connection open for each case.
            var database = await MariaDbServer.Shared.CreateDatabaseAsync("apply_changes");
            var connection = new MySqlConnector.MySqlConnection(new MySqlConnector.MySqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            return connection;
        });

    private async Task ApplyAll(string provider, IMigrationDialect dialect, IIntrospector introspector, Func<Task<DbConnection>> open)
    {
        var cases = SchemaGen.Cases(provider).Sample(CaseCount, new Rnd(Seed), 8);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var from = SchemaMapper.Map(SchemaCompilation.FromText(c.From.Render()).Schema, dialect);
            var to = SchemaMapper.Map(SchemaCompilation.FromText(c.To.Render()).Schema, dialect);
            var change = dialect.Render(SchemaDiffer.Diff(from, to, dialect));
            await using var connection = await open();
            var runner = new MigrationRunner(connection, dialect);
            try
            {
                await runner.ExecuteScriptAsync(dialect.Render(MigrationPlanner.CreateAll(from, dialect)));
                await runner.ExecuteScriptAsync(change);
                var left = SchemaDiffer.Diff(await introspector.IntrospectAsync(connection, []), to, dialect);
                if (left.Count > 0) failures.Add($"---- still different after the change ({string.Join(", ", c.Changes)}):\n{dialect.Render(left)}-- change:\n{change}-- from:\n{c.From}-- to:\n{c.To}");
            }
            catch (DbException e)
            {
                failures.Add($"---- the change fails ({string.Join(", ", c.Changes)}): {e.Message}\n-- change:\n{change}-- from:\n{c.From}-- to:\n{c.To}");
            }
        }
        output.WriteLine($"{provider}: {cases.Length} cases, seed {Seed}: {cases.Length - failures.Count} applied and settled, {failures.Count} failing");
        foreach (var failure in failures.Take(20)) output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} generated changes do not apply cleanly on {provider}; the first:\n{failures.FirstOrDefault()}");
    }
}
