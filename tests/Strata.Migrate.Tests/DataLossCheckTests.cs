using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Migrate.Steps;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>
/// The data-loss check on real databases whose names hold quotes, SQL, spaces and letters beyond
/// ASCII: it counts the right rows, runs nothing but its counts, skips what the database does not
/// have yet, and refuses when a count fails.
/// </summary>
public class DataLossCheckTests
{
    private const string SqlColumn = HostileSchema.SqlColumn;

    private static string Schema(string provider, bool withHostile) => HostileSchema.Text(provider, withHostile, withUrl: false);

    private static async Task Run(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Count(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {Rendering.SqlMigrationDialect.Ident(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Creates the hostile schema with rows, then checks the change that drops the hostile table and column.</summary>
    private static async Task Hostile_names_are_counted_and_nothing_else_runs(DbConnection connection, string provider, IMigrationDialect dialect, IIntrospector introspector)
    {
        var before = SchemaMapper.Map(SchemaCompilation.FromText(Schema(provider, withHostile: true)).Schema, dialect);
        await Run(connection, dialect.Render(MigrationPlanner.CreateAll(before, dialect)));
        await Run(connection, HostileSchema.SeedSql);
        var live = await introspector.IntrospectAsync(connection, []);
        var after = SchemaMapper.Map(SchemaCompilation.FromText(Schema(provider, withHostile: false)).Schema, dialect);
        var steps = SchemaDiffer.Diff(live, after, dialect);

        var warnings = await DataLossCheck.FindAsync(connection, dialect, live, steps);

        Assert.Equal(
            [$"The column `{SqlColumn}` of `table with spaces ü` will be dropped (1 row).", "The table `a\"b` will be dropped (1 row)."],
            warnings.Select(w => w.Message).Order(StringComparer.Ordinal));
        Assert.Equal(2L, await Count(connection, "other"));
        Assert.Equal(1L, await Count(connection, "a\"b"));
        Assert.Equal(2L, await Count(connection, "table with spaces ü"));
    }

    [Fact]
    public async Task Sqlite_hostile_names_are_counted_and_nothing_else_runs()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await Hostile_names_are_counted_and_nothing_else_runs(connection, "sqlite", new SqliteMigrationDialect(), new SqliteIntrospector());
    }

    [Fact]
    public async Task Postgres_hostile_names_are_counted_and_nothing_else_runs()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("hostile"));
        await connection.OpenAsync();
        await Hostile_names_are_counted_and_nothing_else_runs(connection, "postgresql", new PostgresMigrationDialect(), new PostgresIntrospector());
    }

    /// <summary>Steps on a table or a column the live database does not have lose nothing: no warning and no failure.</summary>
    private static async Task What_is_not_there_yet_is_not_counted(DbConnection connection, IMigrationDialect dialect, IIntrospector introspector)
    {
        await Run(connection, "CREATE TABLE \"Here\" (\"id\" INTEGER); INSERT INTO \"Here\" VALUES (1);");
        var live = await introspector.IntrospectAsync(connection, []);
        var here = live.FindTable("Here")!;
        var missing = new Table("Missing", null, [new Column("id", "INTEGER", false, null, false)], null, [], []);
        var ghost = new Column("ghost", "TEXT", true, null, false);
        var steps = new MigrationStep[]
        {
            new DropTable(missing),
            new AddColumn(missing, new Column("name", "TEXT", false, null, false)),
            new DropColumn(here, ghost),
            new AlterColumn(here, ghost, ghost with { Nullable = false }),
        };
        Assert.Empty(await DataLossCheck.FindAsync(connection, dialect, live, steps));
        // The same check still counts what is there.
        Assert.Single(await DataLossCheck.FindAsync(connection, dialect, live, [new DropTable(here)]));
    }

    [Fact]
    public async Task Sqlite_what_is_not_there_yet_is_not_counted()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await What_is_not_there_yet_is_not_counted(connection, new SqliteMigrationDialect(), new SqliteIntrospector());
    }

    [Fact]
    public async Task Postgres_what_is_not_there_yet_is_not_counted()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("notyet"));
        await connection.OpenAsync();
        await What_is_not_there_yet_is_not_counted(connection, new PostgresMigrationDialect(), new PostgresIntrospector());
    }

    [Fact]
    public async Task Sqlite_a_count_that_fails_refuses_the_change()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await Run(connection, "CREATE TABLE \"Secret\" (\"id\" INTEGER, \"note\" TEXT); INSERT INTO \"Secret\" VALUES (1, 'x');");
        var live = await new SqliteIntrospector().IntrospectAsync(connection, []);
        var secret = live.FindTable("Secret")!;
        // SQLite's authorizer refuses every SELECT on this connection, as a permission would.
        SQLitePCL.raw.sqlite3_set_authorizer(connection.Handle,
            (object _, int action, string _, string _, string _, string _) => action == SQLitePCL.raw.SQLITE_SELECT ? SQLitePCL.raw.SQLITE_DENY : SQLitePCL.raw.SQLITE_OK, null);

        var error = await Assert.ThrowsAsync<DataLossCheckFailedException>(() =>
            DataLossCheck.FindAsync(connection, new SqliteMigrationDialect(), live, [new DropColumn(secret, secret.Columns[1])]));
        Assert.StartsWith("The data-loss check could not count the rows of `Secret` (column `note`), so nothing was changed: ", error.Message);
        Assert.Contains("not authorized", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Postgres_a_count_that_fails_refuses_the_change()
    {
        var url = await PostgresServer.Shared.CreateDatabaseAsync("denied");
        var role = await LimitedRole.CreateAsync(url, "CREATE TABLE \"Secret\" (\"id\" INTEGER, \"note\" TEXT); INSERT INTO \"Secret\" VALUES (1, 'x');");
        await using var connection = new NpgsqlConnection(role);
        await connection.OpenAsync();
        var live = await new PostgresIntrospector().IntrospectAsync(connection, []);

        var error = await Assert.ThrowsAsync<DataLossCheckFailedException>(() =>
            DataLossCheck.FindAsync(connection, new PostgresMigrationDialect(), live, [new DropTable(live.FindTable("Secret")!)]));
        Assert.StartsWith("The data-loss check could not count the rows of `Secret`, so nothing was changed: ", error.Message);
        Assert.Contains("permission denied", error.Message);
    }
}
