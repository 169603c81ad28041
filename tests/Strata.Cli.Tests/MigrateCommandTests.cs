using System.Net;
using System.Net.Sockets;
using Strata.TestSupport;

namespace Strata.Cli.Tests;

public class MigrateCommandTests
{
    private const string SqliteSchema = "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id Int @id @default(autoincrement())\n}\n";

    private static void WriteProject(CliRunner cli, string provider = "sqlite")
    {
        cli.Write("prisma/schema.prisma", SqliteSchema.Replace("\"sqlite\"", $"\"{provider}\""));
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/migrations/migration_lock.toml", $"provider = \"{provider}\"\n");
        cli.Write("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);\n");
        cli.Write("prisma/migrations/20240102000000_name/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\n");
    }

    [Fact]
    public void Status_reports_pending_then_deploy_applies_and_status_is_clean()
    {
        using var cli = new CliRunner();
        WriteProject(cli);
        var status = cli.Run("migrate", "status");
        Assert.Equal(1, status.Code);
        Assert.Contains("Pending: 20240101000000_init", status.Out);
        Assert.Contains("Pending: 20240102000000_name", status.Out);

        var deploy = cli.Run("migrate", "deploy");
        Assert.Equal(0, deploy.Code);
        Assert.Contains("Applying migration `20240101000000_init`", deploy.Out);
        Assert.Contains("All migrations have been applied (2).", deploy.Out);
        Assert.True(File.Exists(cli.PathOf("prisma/dev.db"))); // file: URLs are relative to the schema

        Assert.Equal(0, cli.Run("migrate", "status").Code);
        Assert.Contains("No pending migrations", cli.Run("migrate", "deploy").Out);
    }

    [Fact]
    public void An_edited_applied_migration_is_reported()
    {
        using var cli = new CliRunner();
        WriteProject(cli);
        Assert.Equal(0, cli.Run("migrate", "deploy").Code);
        cli.Write("prisma/migrations/20240102000000_name/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT;\n");
        var status = cli.Run("migrate", "status");
        Assert.Equal(1, status.Code);
        Assert.Contains("Edited:  20240102000000_name", status.Out);
    }

    [Fact]
    public void A_failed_migration_is_reported_blocks_and_can_be_resolved()
    {
        using var cli = new CliRunner();
        WriteProject(cli);
        cli.Write("prisma/migrations/20240103000000_bad/migration.sql", "CREATE TABLE \"Ok\" (\"id\" INTEGER);\nNOT SQL AT ALL;\n");
        var deploy = cli.Run("migrate", "deploy");
        Assert.Equal(1, deploy.Code);
        Assert.Contains("The migration 20240103000000_bad failed and was rolled back", deploy.Error);
        Assert.Contains("Failed:  20240103000000_bad", cli.Run("migrate", "status").Out);
        Assert.Contains("failed earlier", cli.Run("migrate", "deploy").Error);

        cli.Write("prisma/migrations/20240103000000_bad/migration.sql", "CREATE TABLE \"Ok\" (\"id\" INTEGER);\n");
        Assert.Equal(0, cli.Run("migrate", "resolve", "--rolled-back", "20240103000000_bad").Code);
        Assert.Equal(0, cli.Run("migrate", "deploy").Code);
        Assert.Equal(0, cli.Run("migrate", "status").Code);
    }

    [Fact]
    public void A_provider_mismatch_with_the_lock_file_is_an_error()
    {
        using var cli = new CliRunner();
        WriteProject(cli);
        cli.Write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        var (code, _, error) = cli.Run("migrate", "deploy");
        Assert.Equal(1, code);
        Assert.Contains("written for \"postgresql\"", error);
    }

    [Fact]
    public void Bad_urls_and_unreachable_servers_give_one_clear_line()
    {
        using var cli = new CliRunner();
        WriteProject(cli, "postgresql");
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        foreach (var (url, expected) in new[]
        {
            ($"postgresql://u:secret@127.0.0.1:{closedPort}/app", $"Cannot connect to postgresql://u:***@127.0.0.1:{closedPort}/app"),
            ("mysql://x", "A PostgreSQL URL starts with"),
        })
        {
            var (code, _, error) = cli.Run("migrate", "status", "--url", url);
            Assert.Equal(1, code);
            Assert.Contains(expected, error);
            Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }
        var unset = new CliRunner();
        unset.Write("schema.prisma", SqliteSchema);
        Assert.Contains("DATABASE_URL is not set", unset.Run("migrate", "status").Error);
        unset.Dispose();
    }

    [Fact]
    public async Task Postgres_deploy_and_a_missing_database_give_clear_results()
    {
        using var cli = new CliRunner();
        WriteProject(cli, "postgresql");
        cli.Write("prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n");
        var url = await PostgresServer.Shared.CreateDatabaseAsync("cli");
        Assert.Equal(0, cli.Run("migrate", "deploy", "--url", url).Code);
        Assert.Equal(0, cli.Run("migrate", "status", "--url", url).Code);

        var unknownUser = new Npgsql.NpgsqlConnectionStringBuilder(url) { Username = "nobody_here", Password = "wrong" }.ConnectionString;
        var denied = cli.Run("migrate", "status", "--url", unknownUser);
        Assert.Equal(1, denied.Code);
        Assert.Contains("nobody_here", denied.Error);
        Assert.Single(denied.Error.Trim().Split('\n'));

        var missing = new Npgsql.NpgsqlConnectionStringBuilder(url) { Database = "no_such_database" }.ConnectionString;
        var (code, _, error) = cli.Run("migrate", "status", "--url", missing);
        Assert.Equal(1, code);
        Assert.Contains("no_such_database", error);
        Assert.Single(error.Trim().Split('\n'));
    }
}

public class MigrateStatusDriftTests
{
    [Fact]
    public void Status_reports_drift_and_a_folder_without_its_script()
    {
        using var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id Int @id\n}\n");
        Assert.Equal(0, cli.Run("migrate", "dev", "--name", "init").Code);
        Assert.Equal(0, cli.Run("migrate", "status").Code);

        cli.Write("drift.sql", "CREATE TABLE \"Extra\" (\"id\" INTEGER);");
        Assert.Equal(0, cli.Run("db", "execute", "--file", "drift.sql").Code);
        var status = cli.Run("migrate", "status");
        Assert.Equal(1, status.Code);
        Assert.Contains("Drift:   [+] Added table `Extra`", status.Out);

        Directory.CreateDirectory(cli.PathOf("prisma/migrations/20990101000000_empty"));
        var broken = cli.Run("migrate", "status");
        Assert.Equal(1, broken.Code);
        Assert.Contains("Could not find the migration file", broken.Error);
        Assert.Contains("20990101000000_empty", broken.Error);
    }

    [Fact]
    public void Data_loss_is_asked_about_on_a_terminal()
    {
        using var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id   Int     @id\n  note String?\n}\n");
        Assert.Equal(0, cli.Run("db", "push").Code);
        cli.Write("seed.sql", "INSERT INTO \"User\" (\"id\", \"note\") VALUES (1, 'x');");
        Assert.Equal(0, cli.Run("db", "execute", "--file", "seed.sql").Code);
        cli.Write("prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id Int @id\n}\n");
        var declined = cli.RunWith(false, false, "", "db", "push");
        Assert.Equal(1, declined.Code);
        Assert.Contains("(1 row)", declined.Error);
        var accepted = cli.RunWith(false, true, "", "db", "push");
        Assert.Equal(0, accepted.Code);
        Assert.Contains("already in sync", cli.Run("db", "push").Out);
    }
}
