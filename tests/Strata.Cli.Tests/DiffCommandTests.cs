using Strata.TestSupport;

namespace Strata.Cli.Tests;

public class DiffCommandTests
{
    private static string Project(string name) => Path.Combine(TestPaths.PrismaProjects, name);

    [SharedDataFact]
    public void From_empty_to_a_schema_prints_prismas_sql()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Run("migrate", "diff", "--from-empty", "--to-schema", Path.Combine(Project("epic-stack"), "schema.prisma"), "--script");
        Assert.True(code == 0, error);
        var expected = File.ReadAllText(Path.Combine(Project("epic-stack"), "migrations", "20250221233640_init", "migration.sql"));
        expected = expected[..expected.IndexOf("--------------------------------- Manual Seeding", StringComparison.Ordinal)].TrimEnd() + "\n";
        Assert.Equal(expected, output);
    }

    [SharedDataFact]
    public void Sqlite_history_replayed_in_a_shadow_database_matches_its_schema()
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Run("migrate", "diff", "--from-migrations", Path.Combine(Project("epic-stack"), "migrations"),
            "--to-schema", Path.Combine(Project("epic-stack"), "schema.prisma"), "--exit-code");
        Assert.True(code == 0, error + output);
        Assert.Contains("No difference detected.", output);
        Assert.Empty(Directory.GetFiles(cli.TempDirectory, "strata-shadow-*.db"));
    }

    [SharedDataTheory]
    [InlineData("saas-starter-kit", 0)]
    [InlineData("reactive-resume", 0)]
    [InlineData("hoppscotch", 2)] // four indexes written by hand in its migrations are not in its schema
    public async Task Postgres_history_deployed_then_compared_to_its_schema(string project, int expected)
    {
        using var cli = new CliRunner();
        var url = await PostgresServer.Shared.CreateDatabaseAsync("diffcli");
        cli.Write("schema.prisma", File.ReadAllText(Path.Combine(Project(project), "schema.prisma")));
        foreach (var dir in Directory.GetDirectories(Path.Combine(Project(project), "migrations")))
            cli.Write(Path.Combine("migrations", Path.GetFileName(dir), "migration.sql"), File.ReadAllText(Path.Combine(dir, "migration.sql")));
        cli.Write(Path.Combine("migrations", "migration_lock.toml"), "provider = \"postgresql\"\n");
        Assert.Equal(0, cli.Run("migrate", "deploy", "--url", url).Code);

        var fromUrl = cli.Run("migrate", "diff", "--from-url", url, "--to-schema", "schema.prisma", "--exit-code");
        Assert.True(fromUrl.Code == expected, fromUrl.Out + fromUrl.Error);
        var shadow = await PostgresServer.Shared.CreateDatabaseAsync("shadow");
        var fromMigrations = cli.Run("migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--shadow-database-url", shadow, "--exit-code");
        Assert.True(fromMigrations.Code == expected, fromMigrations.Out + fromMigrations.Error);
        if (expected == 2) Assert.Contains("[-] Removed index `TeamCollection_title_trgm_idx` on `TeamCollection`", fromUrl.Out);
    }

    [Fact]
    public void A_change_is_summarised_and_the_exit_code_says_so()
    {
        using var cli = new CliRunner();
        cli.Write("a.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id Int @id\n}\n");
        cli.Write("b.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id   Int     @id\n  name String?\n}\n\nmodel Post {\n  id Int @id\n}\n");
        var (code, output, _) = cli.Run("migrate", "diff", "--from-schema", "a.prisma", "--to-schema", "b.prisma", "--exit-code");
        Assert.Equal(2, code);
        Assert.Contains("[+] Added table `Post`", output);
        Assert.Contains("[*] `User`: [+] added column `name`", output);
        Assert.Equal(0, cli.Run("migrate", "diff", "--from-schema", "a.prisma", "--to-schema", "b.prisma").Code);
        var script = cli.Run("migrate", "diff", "--from-schema", "a.prisma", "--to-schema", "a.prisma", "--script");
        Assert.Equal("-- This is an empty migration.\n", script.Out);
        Assert.Equal(1, cli.Run("migrate", "diff", "--from-empty", "--from-schema", "a.prisma", "--to-schema", "b.prisma").Code);
    }
}
