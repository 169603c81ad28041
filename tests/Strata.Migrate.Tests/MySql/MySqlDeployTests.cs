using MySqlConnector;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.MySql.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests.MySql;

/// <summary>
/// Migration histories on a real MariaDB: Prisma's history table, a failed statement recorded in
/// it by number (DDL before it stays: MySQL does not roll DDL back), the deploy lock, and umami's
/// real MySQL history.
/// </summary>
public class MySqlDeployTests
{
    private static readonly MySqlMigrationDialect Dialect = new();

    [Fact]
    public async Task A_failed_statement_is_named_in_the_history_and_the_statements_before_it_stay()
    {
        await using var connection = await MySqlRoundTripTests.OpenFreshDatabaseAsync();
        var runner = new MigrationRunner(connection, Dialect);
        var first = new MigrationFile("20240101000000_init", "-- CreateTable\nCREATE TABLE `a` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\n", null);
        var broken = new MigrationFile("20240102000000_broken",
            "CREATE TABLE `b` (`id` INTEGER NOT NULL);\n# a comment; with a semicolon\nALTER TABLE `missing` ADD COLUMN `x` INTEGER;\nCREATE TABLE `c` (`id` INTEGER);\n", null);
        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.DeployAsync([first, broken]));
        Assert.Contains("20240102000000_broken", failure.Message);

        var history = await runner.ReadHistoryAsync();
        Assert.Equal(["20240101000000_init", "20240102000000_broken"], history.Select(h => h.Name));
        Assert.True(history[0].Finished);
        Assert.True(history[1].Failed);
        Assert.Contains("1146", history[1].Logs);
        Assert.Contains("query number 2", history[1].Logs);
        Assert.Contains("ALTER TABLE `missing`", history[1].Logs);
        var tables = (await new MySqlIntrospector().IntrospectAsync(connection, [])).Tables.Select(t => t.Name).Order().ToList();
        Assert.Equal(["a", "b"], tables);
        await Assert.ThrowsAsync<MigrationBlockedException>(() => runner.DeployAsync([first, broken]));
    }

    [Fact]
    public async Task The_deploy_lock_is_held_by_one_session_at_a_time()
    {
        var connectionString = await MariaDbServer.Shared.CreateDatabaseAsync("lock");
        await using var one = new MySqlConnection(connectionString);
        await using var two = new MySqlConnection(connectionString);
        await one.OpenAsync();
        await two.OpenAsync();
        Assert.True(await Dialect.DeployLock.TryAcquireAsync(one, default));
        Assert.False(await Dialect.DeployLock.TryAcquireAsync(two, default));
        await Dialect.DeployLock.ReleaseAsync(one, default);
        Assert.True(await Dialect.DeployLock.TryAcquireAsync(two, default));
        await Dialect.DeployLock.ReleaseAsync(two, default);
    }

    /// <summary>
    /// umami's history is written for MySQL 8: 05_add_visit_id fills the new column with MySQL's
    /// BIN_TO_UUID, which MariaDB lacks, so the deploy stops there as Prisma's would, with the
    /// statement named. On a fresh database the UPDATE has no rows to fill, so the test does what a
    /// MariaDB user does: runs the rest of that file by hand, marks it applied, and deploys on.
    /// </summary>
    [SharedDataFact]
    public async Task Umamis_MySQL_history_deploys_and_differs_from_its_schema_only_by_its_own_drift()
    {
        var project = Path.Combine(TestPaths.PrismaProjects, "umami", "mysql");
        var migrations = new MigrationDirectory(Path.Combine(project, "migrations")).List();
        Assert.Equal(13, migrations.Count);
        await using var connection = await MySqlRoundTripTests.OpenFreshDatabaseAsync();
        var runner = new MigrationRunner(connection, Dialect);
        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.DeployAsync(migrations));
        Assert.Contains("05_add_visit_id", failure.Message);
        var failed = (await runner.ReadHistoryAsync()).Single(h => h.Failed);
        Assert.Contains("BIN_TO_UUID does not exist, in query number 2", failed.Logs);

        var visitId = migrations.Single(m => m.Name == "05_add_visit_id").Script;
        foreach (var statement in Dialect.SplitScript(visitId)!.Skip(2)) await runner.ExecuteScriptAsync(visitId[statement]);
        await runner.ResolveAsync("05_add_visit_id", applied: true);
        var applied = await runner.DeployAsync(migrations.SkipLast(1).ToList());
        Assert.Equal(migrations.Skip(5).SkipLast(1).Select(m => m.Name), applied);

        // The last migration is Prisma's own output for the change to the schema as it is now: from
        // the database before it, Strata writes the same file, byte for byte.
        var schema = MySqlRoundTripTests.CompileAsMySql(File.ReadAllText(Path.Combine(project, "schema.prisma")));
        var beforeLast = await new MySqlIntrospector().IntrospectAsync(connection, []);
        Assert.Equal(migrations[^1].Script, Dialect.Render(SchemaDiffer.Diff(beforeLast, SchemaMapper.Map(schema, Dialect), Dialect)));

        Assert.Equal([migrations[^1].Name], await runner.DeployAsync(migrations));
        Assert.All(await runner.ReadHistoryAsync(), h => Assert.True(h.Finished || h.Name == "05_add_visit_id", h.Name));
        var live = await new MySqlIntrospector().IntrospectAsync(connection, []);
        Assert.Equal(schema.Models.Count(m => !m.IsView), live.Tables.Count);
        var steps = SchemaDiffer.Diff(live, SchemaMapper.Map(schema, Dialect), Dialect);
        // Apart from BIN_TO_UUID, umami's hand-written SQL (the UPDATEs of 05 and 12) changes data,
        // not shape: its history and its schema agree, as on PostgreSQL.
        Assert.True(steps.Count == 0, Dialect.Render(steps));
        Assert.Empty(await runner.DeployAsync(migrations));
    }
}
