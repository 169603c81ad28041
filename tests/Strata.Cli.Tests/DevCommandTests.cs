using Microsoft.Data.Sqlite;
using Strata.TestSupport;

namespace Strata.Cli.Tests;

public class DevCommandTests
{
    private const string Head = "datasource db {\n  provider = \"PROVIDER\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
    private const string V1 = "model User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n";
    private const string V2 = "model User {\n  id   Int     @id @default(autoincrement())\n  name String\n  city String?\n}\n";

    private static string[] MigrationFolders(CliRunner cli) =>
        Directory.GetDirectories(cli.PathOf("prisma/migrations")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static void Sql(CliRunner cli, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={cli.PathOf("prisma/dev.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Dev_writes_and_applies_migrations_detects_drift_and_guards_data_on_sqlite()
    {
        using var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "sqlite") + V1);

        var first = cli.Run("migrate", "dev", "--name", "init");
        Assert.True(first.Code == 0, first.Error);
        var init = Assert.Single(MigrationFolders(cli));
        Assert.Matches("^[0-9]{14}_init$", init);
        Assert.Contains("CREATE TABLE \"User\"", cli.Read($"prisma/migrations/{init}/migration.sql"));
        Assert.Contains("DROP TABLE \"User\"", cli.Read($"prisma/migrations/{init}/down.sql"));
        Assert.Contains("provider = \"sqlite\"", cli.Read("prisma/migrations/migration_lock.toml"));
        Assert.Equal(0, cli.Run("migrate", "status").Code);

        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "sqlite") + V2);
        Assert.Equal(0, cli.Run("migrate", "dev", "--name", "Add city!").Code);
        var folders = MigrationFolders(cli);
        Assert.Equal(2, folders.Length);
        Assert.EndsWith("_add_city", folders[1]);
        Assert.Equal("-- AlterTable\nALTER TABLE \"User\" ADD COLUMN \"city\" TEXT;\n", cli.Read($"prisma/migrations/{folders[1]}/migration.sql"));
        Assert.Contains("-- RedefineTables", cli.Read($"prisma/migrations/{folders[1]}/down.sql"));
        Assert.Contains("no new migration", cli.Run("migrate", "dev").Out);

        // Data loss: dropping a column that holds data needs --accept-data-loss.
        Sql(cli, "INSERT INTO \"User\" (\"name\", \"city\") VALUES ('Ann', 'Delhi')");
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "sqlite") + V1);
        var guarded = cli.Run("migrate", "dev", "--name", "drop_city");
        Assert.Equal(1, guarded.Code);
        Assert.Contains("The column `city` of `User` will be dropped (1 row).", guarded.Error);
        Assert.Equal(2, MigrationFolders(cli).Length);
        Assert.Equal(0, cli.Run("migrate", "dev", "--name", "drop_city", "--accept-data-loss").Code);
        Assert.Equal(3, MigrationFolders(cli).Length);

        // Drift: a change made to the database outside the migrations is found.
        Sql(cli, "CREATE TABLE \"Sneaky\" (\"id\" INTEGER)");
        var drift = cli.Run("migrate", "dev");
        Assert.Equal(1, drift.Code);
        Assert.Contains("Drift detected", drift.Error);
        Assert.Contains("[+] Added table `Sneaky`", drift.Error);
    }

    [Fact]
    public void Create_only_writes_without_applying()
    {
        using var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "sqlite") + V1);
        var result = cli.Run("migrate", "dev", "--name", "init", "--create-only");
        Assert.Equal(0, result.Code);
        Assert.Contains("Not applied", result.Out);
        Assert.Equal(1, cli.Run("migrate", "status").Code);
        Assert.Equal(0, cli.Run("migrate", "dev").Code); // applies the reviewed migration
        Assert.Equal(0, cli.Run("migrate", "status").Code);
        Assert.Single(MigrationFolders(cli));
    }

    [Fact]
    public async Task Dev_on_postgres_uses_the_shadow_database_url_from_the_env_file()
    {
        using var cli = new CliRunner();
        var url = await PostgresServer.Shared.CreateDatabaseAsync("devurl");
        var shadow = await PostgresServer.Shared.CreateDatabaseAsync("devshadow");
        cli.Write(".env", $"DATABASE_URL=\"{url}\"\nSHADOW_URL=\"{shadow}\"\n");
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "postgresql").Replace("}\n\n", "  shadowDatabaseUrl = env(\"SHADOW_URL\")\n}\n\n") + V1);
        var result = cli.Run("migrate", "dev", "--name", "init");
        Assert.True(result.Code == 0, result.Error);
        await using var connection = new Npgsql.NpgsqlConnection(shadow);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = '_prisma_migrations'", connection);
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!); // the replay ran there
    }

    [Fact]
    public async Task Dev_and_push_create_a_missing_postgres_database_and_deploy_does_not()
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "postgresql") + V1);
        var missing = await PostgresServer.Shared.CreateDatabaseAsync("devmissing");
        await PostgresServer.Shared.DropDatabaseAsync(missing);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(missing).Database;

        var deploy = cli.Run("migrate", "deploy", "--url", missing);
        Assert.Equal(1, deploy.Code);
        Assert.Contains("does not exist", deploy.Error);

        var dev = cli.Run("migrate", "dev", "--name", "init", "--url", missing);
        Assert.True(dev.Code == 0, dev.Error);
        Assert.Contains($"Created the PostgreSQL database {name}", dev.Out);
        Assert.Equal(0, cli.Run("migrate", "status", "--url", missing).Code);

        var pushed = await PostgresServer.Shared.CreateDatabaseAsync("pushmissing");
        await PostgresServer.Shared.DropDatabaseAsync(pushed);
        var push = cli.Run("db", "push", "--url", pushed);
        Assert.True(push.Code == 0, push.Error);
        Assert.Contains("Created the PostgreSQL database", push.Out);
        Assert.Contains("in sync with the schema", push.Out);
    }

    [Fact]
    public async Task Dev_on_postgres_uses_a_temporary_shadow_database()
    {
        using var cli = new CliRunner();
        var url = await PostgresServer.Shared.CreateDatabaseAsync("dev");
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "postgresql") + V1 + "\nenum Role {\n  USER\n  ADMIN\n}\n");
        var first = cli.Run("migrate", "dev", "--name", "init", "--url", url);
        Assert.True(first.Code == 0, first.Error);
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "postgresql") + V2 + "\nenum Role {\n  USER\n  EDITOR\n  ADMIN\n}\n");
        var second = cli.Run("migrate", "dev", "--name", "more", "--url", url);
        Assert.True(second.Code == 0, second.Error);
        var sql = cli.Read($"prisma/migrations/{MigrationFolders(cli)[1]}/migration.sql");
        Assert.Contains("ALTER TYPE \"Role\" ADD VALUE 'EDITOR';", sql); // appended, as Prisma writes it
        Assert.Contains("ADD COLUMN     \"city\" TEXT;", sql);
        Assert.Equal(0, cli.Run("migrate", "status", "--url", url).Code);
        var check = cli.Run("migrate", "diff", "--from-url", url, "--to-schema", "prisma/schema.prisma", "--exit-code");
        Assert.True(check.Code == 0, check.Out + check.Error);
    }
}

public class DownCommandTests
{
    private const string Head = "datasource db {\n  provider = \"PROVIDER\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
    private const string V1 = "model User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n";
    private const string V2 = "model User {\n  id    Int     @id @default(autoincrement())\n  name  String\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id @default(autoincrement())\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n";

    private static void Dev_then_down_returns_the_database_to_where_it_was(string provider, string? url)
    {
        using var cli = new CliRunner();
        var extra = url == null ? Array.Empty<string>() : ["--url", url];
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", provider) + V1);
        Assert.Equal(0, cli.Run(["migrate", "dev", "--name", "init", .. extra]).Code);
        cli.Write("v1.prisma", Head.Replace("PROVIDER", provider) + V1);
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", provider) + V2);
        Assert.Equal(0, cli.Run(["migrate", "dev", "--name", "posts", .. extra]).Code);

        var target = url ?? $"file:{cli.PathOf("prisma/dev.db")}";
        Assert.Equal(2, cli.Run("migrate", "diff", "--from-url", target, "--to-schema", "v1.prisma", "--exit-code").Code);
        var down = cli.Run(["migrate", "down", .. extra]);
        Assert.True(down.Code == 0, down.Error);
        Assert.Contains("Reverted 1 migration", down.Out);
        var back = cli.Run("migrate", "diff", "--from-url", target, "--to-schema", "v1.prisma", "--exit-code");
        Assert.True(back.Code == 0, back.Out + back.Error);
        Assert.Equal(1, cli.Run(["migrate", "status", .. extra]).Code); // the reverted one is pending again
        Assert.Equal(0, cli.Run(["migrate", "deploy", .. extra]).Code);
        Assert.Equal(0, cli.Run("migrate", "diff", "--from-url", target, "--to-schema", "prisma/schema.prisma", "--exit-code").Code);
        Assert.Contains("Nothing to revert", cli.Run(["migrate", "down", "--to", Directory.GetDirectories(cli.PathOf("prisma/migrations")).Max()!.Split('/').Last(), .. extra]).Out);
    }

    [Fact]
    public void Sqlite_dev_then_down_returns_the_database_to_where_it_was() => Dev_then_down_returns_the_database_to_where_it_was("sqlite", null);

    [Fact]
    public async Task Postgres_dev_then_down_returns_the_database_to_where_it_was() =>
        Dev_then_down_returns_the_database_to_where_it_was("postgresql", await Strata.TestSupport.PostgresServer.Shared.CreateDatabaseAsync("down"));

    [Fact]
    public void Down_that_would_lose_data_needs_accept_data_loss()
    {
        using var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", Head.Replace("PROVIDER", "sqlite") + V1);
        Assert.Equal(0, cli.Run("migrate", "dev", "--name", "init").Code);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.PathOf("prisma/dev.db")};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"User\" (\"name\") VALUES ('Ann')";
            insert.ExecuteNonQuery();
        }
        var refused = cli.Run("migrate", "down");
        Assert.Equal(1, refused.Code);
        Assert.Contains("The table `User` will be dropped (1 row).", refused.Error);
        Assert.Equal(0, cli.Run("migrate", "down", "--accept-data-loss").Code);
    }
}
