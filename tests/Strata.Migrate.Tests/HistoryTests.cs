using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>Applying migration folders and keeping Prisma's history table, on real databases.</summary>
public class HistoryTests
{
    public static TheoryData<string> PostgresProjects() => ["hoppscotch", "reactive-resume", "saas-starter-kit", Path.Combine("umami", "postgresql")];

    /// <summary>
    /// Where a project's own history does not match its schema, and why. hoppscotch added four
    /// indexes in hand-written migration SQL (trigram indexes for full-text search, and GIN indexes
    /// on Json columns) that its schema.prisma does not declare, so a diff to the schema drops them;
    /// Prisma's `migrate diff` reports the same four.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownDrift = new()
    {
        ["hoppscotch"] =
        [
            "DROP INDEX \"TeamCollection_title_trgm_idx\";",
            "DROP INDEX \"TeamRequest_title_trgm_idx\";",
            "DROP INDEX \"idx_mock_examples_team_requests_gin\";",
            "DROP INDEX \"idx_mock_examples_user_requests_gin\";",
        ],
    };

    [SharedDataTheory]
    [MemberData(nameof(PostgresProjects))]
    public async Task Real_postgres_history_deploys_and_matches_its_schema(string project)
    {
        var dir = Path.Combine(TestPaths.PrismaProjects, project);
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("history"));
        await connection.OpenAsync();
        var dialect = new PostgresMigrationDialect();
        var migrations = new MigrationDirectory(Path.Combine(dir, "migrations"));
        Assert.Equal("postgresql", migrations.ReadLockedProvider());
        var applied = await new MigrationRunner(connection, dialect).DeployAsync(migrations.List());
        Assert.Equal(migrations.List().Select(m => m.Name), applied);

        var schema = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(dir, "schema.prisma"))).Schema;
        var live = await new PostgresIntrospector().IntrospectAsync(connection, schema.Datasource?.Schemas ?? []);
        var steps = SchemaDiffer.Diff(live, SchemaMapper.Map(schema, dialect), dialect);
        var expected = KnownDrift.TryGetValue(project, out var drift) ? drift : [];
        Assert.True(dialect.Render(steps) == string.Concat(expected.Select(s => $"-- DropIndex\n{s}\n\n")).TrimEnd('\n') + (expected.Length > 0 ? "\n" : ""),
            $"{project}: its history and its schema differ:\n{dialect.Render(steps)}");

        var history = await new MigrationRunner(connection, dialect).ReadHistoryAsync();
        Assert.All(history, h => Assert.True(h.Finished && h.AppliedStepsCount == 1));
        Assert.Equal(migrations.List().Select(m => m.Checksum), history.Select(h => h.Checksum));
        // A second deploy finds nothing to do.
        Assert.Empty(await new MigrationRunner(connection, dialect).DeployAsync(migrations.List()));
    }

    [SharedDataFact]
    public async Task Real_sqlite_history_deploys_and_matches_its_schema()
    {
        var dir = Path.Combine(TestPaths.PrismaProjects, "epic-stack");
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var dialect = new SqliteMigrationDialect();
        var migrations = new MigrationDirectory(Path.Combine(dir, "migrations"));
        Assert.Equal("sqlite", migrations.ReadLockedProvider());
        await new MigrationRunner(connection, dialect).DeployAsync(migrations.List());
        var schema = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(dir, "schema.prisma"))).Schema;
        var steps = SchemaDiffer.Diff(await new SqliteIntrospector().IntrospectAsync(connection, []), SchemaMapper.Map(schema, dialect), dialect);
        Assert.True(steps.Count == 0, dialect.Render(steps));
        await using var roles = connection.CreateCommand();
        roles.CommandText = "SELECT count(*) FROM \"Role\"";
        Assert.Equal(2L, (long)(await roles.ExecuteScalarAsync())!); // the seed rows in its migration
    }

    [Fact]
    public void Checksum_is_the_sha256_of_the_file()
    {
        var file = new MigrationFile("20240101000000_init", "CREATE TABLE \"A\" (\"id\" INTEGER);\n", null);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(file.Script))).ToLowerInvariant(), file.Checksum);
        Assert.Equal(64, file.Checksum.Length);
    }

    private static async Task<long> Count(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task Failed_migration_leaves_nothing_half_applied(DbConnection connection, IMigrationDialect dialect, string tablesSql)
    {
        var good = new MigrationFile("01_init", "CREATE TABLE \"A\" (\"id\" INTEGER PRIMARY KEY);\n", null);
        var bad = new MigrationFile("02_broken", "CREATE TABLE \"B\" (\"id\" INTEGER PRIMARY KEY);\nINSERT INTO \"A\" (\"id\") VALUES (1);\nTHIS IS NOT SQL;\n", null);
        var runner = new MigrationRunner(connection, dialect);
        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.DeployAsync([good, bad]));
        Assert.Equal("02_broken", error.Migration);
        Assert.Equal(1L, await Count(connection, tablesSql.Replace("@name", "'A'")));
        Assert.Equal(0L, await Count(connection, tablesSql.Replace("@name", "'B'")));
        Assert.Equal(0L, await Count(connection, "SELECT count(*) FROM \"A\""));

        var history = await runner.ReadHistoryAsync();
        Assert.True(history.Single(h => h.Name == "01_init").Finished);
        var failed = history.Single(h => h.Name == "02_broken");
        Assert.True(failed.Failed);
        Assert.False(string.IsNullOrEmpty(failed.Logs));

        // Later deploys are blocked until the failure is resolved.
        var fixedBad = bad with { Script = "CREATE TABLE \"B\" (\"id\" INTEGER PRIMARY KEY);\n" };
        await Assert.ThrowsAsync<MigrationBlockedException>(() => runner.DeployAsync([good, fixedBad]));
        await runner.ResolveAsync("02_broken", applied: false);
        Assert.Equal(["02_broken"], await runner.DeployAsync([good, fixedBad]));
        Assert.Equal(1L, await Count(connection, tablesSql.Replace("@name", "'B'")));
    }

    [Fact]
    public async Task Sqlite_failed_migration_leaves_nothing_half_applied_and_blocks_until_resolved()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await Failed_migration_leaves_nothing_half_applied(connection, new SqliteMigrationDialect(),
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name");
    }

    [Fact]
    public async Task Postgres_failed_migration_leaves_nothing_half_applied_and_blocks_until_resolved()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("failed"));
        await connection.OpenAsync();
        await Failed_migration_leaves_nothing_half_applied(connection, new PostgresMigrationDialect(),
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = @name");
    }
}
