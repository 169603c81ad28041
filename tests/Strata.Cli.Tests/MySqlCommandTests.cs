using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>The migrate commands with a mysql:// URL on a real MariaDB, as on the other providers.</summary>
public class MySqlCommandTests
{
    private const string Head = "datasource db {\n  provider = \"mysql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
    private const string V1 = "model User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n";
    private const string V2 = "model User {\n  id   Int     @id @default(autoincrement())\n  name String\n  city String?\n}\n";

    [Fact]
    public async Task Dev_creates_the_database_and_uses_a_temporary_shadow_database_then_deploy_status_and_diff_agree()
    {
        using var cli = new CliRunner();
        var existing = await MariaDbServer.Shared.CreateDatabaseAsync("climysql");
        var name = new MySqlConnector.MySqlConnectionStringBuilder(existing).Database;
        await MariaDbServer.Shared.DropDatabaseAsync(existing);
        var url = MariaDbServer.Shared.UrlBase + name;
        cli.Write("prisma/schema.prisma", Head + V1);

        var deploy = cli.Run("migrate", "deploy", "--url", url);
        Assert.Equal(1, deploy.Code);
        var first = cli.Run("migrate", "dev", "--name", "init", "--url", url);
        Assert.True(first.Code == 0, first.Error);
        Assert.Contains($"Created the MySQL database {name}", first.Out);
        cli.Write("prisma/schema.prisma", Head + V2);
        var second = cli.Run("migrate", "dev", "--name", "more", "--url", url);
        Assert.True(second.Code == 0, second.Error);
        var folders = Directory.GetDirectories(cli.PathOf("prisma/migrations")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("CREATE TABLE `User`", cli.Read($"prisma/migrations/{folders[0]}/migration.sql"));
        Assert.Contains("ALTER TABLE `User` ADD COLUMN `city` VARCHAR(191) NULL;", cli.Read($"prisma/migrations/{folders[1]}/migration.sql"));
        Assert.Contains("provider = \"mysql\"", cli.Read("prisma/migrations/migration_lock.toml"));
        Assert.Equal(0, cli.Run("migrate", "status", "--url", url).Code);
        Assert.Equal(0, cli.Run("migrate", "deploy", "--url", url).Code);
        var check = cli.Run("migrate", "diff", "--from-url", url, "--to-schema", "prisma/schema.prisma", "--exit-code");
        Assert.True(check.Code == 0, check.Out + check.Error);

        var pulled = cli.Run("db", "pull", "--print", "--url", url);
        Assert.True(pulled.Code == 0, pulled.Error);
        Assert.Contains("model User {\n  id   Int     @id @default(autoincrement())\n  name String\n  city String?\n}", pulled.Out);

        var reset = cli.Run("migrate", "reset", "--force", "--skip-seed", "--url", url);
        Assert.True(reset.Code == 0, reset.Error);
        Assert.Equal(0, cli.Run("migrate", "status", "--url", url).Code);
        cli.Write("prisma/schema.prisma", Head + V2.Replace("  city String?\n", "  city String?\n  age  Int     @default(0)\n"));
        var push = cli.Run("db", "push", "--url", url);
        Assert.True(push.Code == 0, push.Error);
        Assert.Equal(0, cli.Run("migrate", "diff", "--from-url", url, "--to-schema", "prisma/schema.prisma", "--exit-code").Code);
        var shadow = MariaDbServer.Shared.UrlBase + new MySqlConnector.MySqlConnectionStringBuilder(await MariaDbServer.Shared.CreateDatabaseAsync("clishadow")).Database;
        var drift = cli.Run("migrate", "diff", "--from-migrations", "prisma/migrations", "--to-url", url, "--shadow-database-url", shadow, "--script");
        Assert.True(drift.Code == 0, drift.Error);
        Assert.Equal("-- AlterTable\nALTER TABLE `User` ADD COLUMN `age` INTEGER NOT NULL DEFAULT 0;\n", drift.Out);
    }

    [Fact]
    public async Task A_hand_written_migration_with_user_variables_deploys_and_a_failure_names_its_statement()
    {
        using var cli = new CliRunner();
        var name = new MySqlConnector.MySqlConnectionStringBuilder(await MariaDbServer.Shared.CreateDatabaseAsync("clivars")).Database;
        var url = MariaDbServer.Shared.UrlBase + name;
        cli.Write("prisma/schema.prisma", Head + V1);
        cli.Write("prisma/migrations/migration_lock.toml", "provider = \"mysql\"\n");
        cli.Write("prisma/migrations/20240101000000_init/migration.sql",
            "CREATE TABLE `User` (`id` INTEGER NOT NULL AUTO_INCREMENT, `name` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`));\nSET @first := 'ann';\nINSERT INTO `User` (`name`) VALUES (@first);\n");
        var deploy = cli.Run("migrate", "deploy", "--url", url);
        Assert.True(deploy.Code == 0, deploy.Error);

        cli.Write("prisma/migrations/20240102000000_bad/migration.sql", "ALTER TABLE `User` ADD COLUMN `city` VARCHAR(191) NULL;\nALTER TABLE `Nope` ADD COLUMN `x` INTEGER;\n");
        var bad = cli.Run("migrate", "deploy", "--url", url);
        Assert.Equal(1, bad.Code);
        Assert.Contains("20240102000000_bad", bad.Error);
        Assert.Contains("in query number 2 of the script, at line 2: `ALTER TABLE `Nope` ADD COLUMN `x` INTEGER;`", bad.Error);
    }

    [Fact]
    public void A_connection_error_names_the_server_and_hides_the_password()
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema.prisma", Head + V1);
        var result = cli.Run("migrate", "deploy", "--url", "mysql://root:s3cret-pw@127.0.0.1:1/nothing");
        Assert.Equal(1, result.Code);
        Assert.Contains("Cannot connect to", result.Error);
        Assert.DoesNotContain("s3cret-pw", result.Error + result.Out);
    }
}
