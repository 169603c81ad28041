using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// Failures of the runner, the differ's replay and introspection are one clear line and exit
/// code 1: the migration and statement that failed, the folder that is broken, the database that
/// cannot be read. Never a stack trace, never the tool's last-resort line.
/// </summary>
public class MigrationErrorTests
{
    private const string Models = "\nmodel User {\n  id Int @id @default(autoincrement())\n}\n";

    private static void WriteProject(CliRunner cli, string provider, string badScript)
    {
        cli.Write("prisma/schema.prisma", $"datasource db {{\n  provider = \"{provider}\"\n  url      = env(\"DATABASE_URL\")\n}}\n" + Models);
        cli.Write("prisma/migrations/migration_lock.toml", $"provider = \"{provider}\"\n");
        var init = provider == "sqlite"
            ? "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);\n"
            : "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n";
        cli.Write("prisma/migrations/20240101000000_init/migration.sql", init);
        cli.Write("prisma/migrations/20240102000000_bad/migration.sql", badScript);
    }

    [Fact]
    public async Task Postgres_deploy_failure_names_the_migration_and_the_statement_and_blocks()
    {
        using var cli = new CliRunner();
        WriteProject(cli, "postgresql", "-- AddColumn\nALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\nALTER TABLE \"Nope\" ADD COLUMN \"x\" TEXT;\n");
        var url = await PostgresServer.Shared.CreateDatabaseAsync("clifail");
        BadInputTests.AssertOneLine(cli.Run("migrate", "deploy", "--url", url),
            "The migration 20240102000000_bad failed: 42P01: relation \"Nope\" does not exist, at line 3 of the script, in the statement `ALTER TABLE \"Nope\" ADD COLUMN \"x\" TEXT;`");
        BadInputTests.AssertOneLine(cli.Run("migrate", "deploy", "--url", url), "The migration 20240102000000_bad failed earlier");
        Assert.Contains("Failed:  20240102000000_bad", cli.Run("migrate", "status", "--url", url).Out);
    }

    [Fact]
    public void Sqlite_deploy_failure_is_one_line()
    {
        using var cli = new CliRunner();
        WriteProject(cli, "sqlite", "ALTER TABLE \"Nope\" ADD COLUMN \"x\" TEXT;\n");
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        BadInputTests.AssertOneLine(cli.Run("migrate", "deploy"), "The migration 20240102000000_bad failed and was rolled back: SQLite Error 1: 'no such table: Nope'");
    }

    [Fact]
    public void Diff_replaying_a_failing_migration_is_one_line()
    {
        using var cli = new CliRunner();
        WriteProject(cli, "sqlite", "NOT SQL;\n");
        BadInputTests.AssertOneLine(cli.Run("migrate", "diff", "--from-migrations", "prisma/migrations", "--to-empty"), "The migration 20240102000000_bad failed");
    }

    [Fact]
    public void Diff_from_a_folder_without_its_script_is_one_line()
    {
        using var cli = new CliRunner();
        WriteProject(cli, "sqlite", "SELECT 1;\n");
        Directory.CreateDirectory(cli.PathOf("prisma/migrations/20240103000000_empty"));
        BadInputTests.AssertOneLine(cli.Run("migrate", "diff", "--from-migrations", "prisma/migrations", "--to-empty"), "Could not find the migration file");
    }

    [Fact]
    public void Diff_from_a_file_that_is_no_database_is_one_line()
    {
        using var cli = new CliRunner();
        cli.Write("garbage.db", new string('x', 4096));
        BadInputTests.AssertOneLine(cli.Run("migrate", "diff", "--from-url", "file:./garbage.db", "--to-empty"), "file is not a database");
    }
}
