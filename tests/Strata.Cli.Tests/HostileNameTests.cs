using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// `db push` and `migrate dev` on databases whose names hold a quote, SQL, spaces and letters
/// beyond ASCII: the data they would lose is listed, nothing else runs (no other table loses
/// rows), and after --accept-data-loss the database is what the schema says.
/// </summary>
public class HostileNameTests
{
    private static string Ident(string name) => Strata.Migrate.Rendering.SqlMigrationDialect.Ident(name);

    private const string SqlColumn = HostileSchema.SqlColumn;

    private static string Schema(string provider, bool withHostile) => HostileSchema.Text(provider, withHostile, withUrl: true);

    /// <summary>The project's database, for checks made beside the command.</summary>
    private sealed record Database(string Provider, string? Url, CliRunner Cli)
    {
        public string[] UrlArgs => Url == null ? [] : ["--url", Url];

        public string Target => Url ?? $"file:{Cli.PathOf("prisma/dev.db")}";

        public DbConnection Open()
        {
            DbConnection connection = Url == null ? new SqliteConnection($"Data Source={Cli.PathOf("prisma/dev.db")};Pooling=False") : new NpgsqlConnection(Url);
            connection.Open();
            return connection;
        }

        public void Execute(string sql)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        public long Count(string table, string where = "", string? schema = null)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {(schema == null ? "" : Ident(schema) + ".")}{Ident(table)} {where}";
            return Convert.ToInt64(command.ExecuteScalar());
        }

        public bool HasTable(string table)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = Url == null ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name" : "SELECT count(*) FROM pg_tables WHERE tablename = @name";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = table;
            command.Parameters.Add(parameter);
            return Convert.ToInt64(command.ExecuteScalar()) == 1;
        }
    }

    private static Database Project(CliRunner cli, string provider, string? url)
    {
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", Schema(provider, withHostile: true));
        return new Database(provider, url, cli);
    }

    private static void Seed(Database db) => db.Execute(HostileSchema.SeedSql);

    /// <summary>Runs the change without and then with --accept-data-loss, and checks what the database holds after each.</summary>
    private static void Guarded_then_applied(Database db, params string[] command)
    {
        db.Cli.Write("prisma/schema.prisma", Schema(db.Provider, withHostile: false));
        var refused = db.Cli.Run([.. command, .. db.UrlArgs]);
        Assert.True(refused.Code == 1, refused.Out + refused.Error);
        Assert.Contains("  - The table `a\"b` will be dropped (1 row).", refused.Error);
        Assert.Contains($"  - The column `{SqlColumn}` of `table with spaces ü` will be dropped (1 row).", refused.Error);
        Assert.Contains("Nothing was changed", refused.Error);
        Assert.Equal(2L, db.Count("other"));
        Assert.Equal(1L, db.Count("a\"b"));

        var applied = db.Cli.Run([.. command, "--accept-data-loss", .. db.UrlArgs]);
        Assert.True(applied.Code == 0, applied.Out + applied.Error);
        Assert.Equal(2L, db.Count("other"));
        Assert.False(db.HasTable("a\"b"));
        Assert.Equal(1L, db.Count("table with spaces ü", "WHERE \"a label ünïcødé\" = 'label ü'"));
        var diff = db.Cli.Run("migrate", "diff", "--from-url", db.Target, "--to-schema", "prisma/schema.prisma", "--exit-code");
        Assert.True(diff.Code == 0, diff.Out + diff.Error);
    }

    private static void Push(string provider, string? url)
    {
        using var cli = new CliRunner();
        var db = Project(cli, provider, url);
        var created = cli.Run(["db", "push", .. db.UrlArgs]);
        Assert.True(created.Code == 0, created.Error);
        Seed(db);
        Assert.Contains("already in sync", cli.Run(["db", "push", .. db.UrlArgs]).Out);
        Guarded_then_applied(db, "db", "push");
        Assert.Contains("already in sync", cli.Run(["db", "push", .. db.UrlArgs]).Out);
    }

    private static void Dev(string provider, string? url)
    {
        using var cli = new CliRunner();
        var db = Project(cli, provider, url);
        var created = cli.Run(["migrate", "dev", "--name", "init", .. db.UrlArgs]);
        Assert.True(created.Code == 0, created.Error);
        Seed(db);
        Guarded_then_applied(db, "migrate", "dev", "--name", "drop");
        var status = cli.Run(["migrate", "status", .. db.UrlArgs]);
        Assert.True(status.Code == 0, status.Out + status.Error);
    }

    [Fact]
    public void Sqlite_db_push_with_hostile_names() => Push("sqlite", null);

    [Fact]
    public async Task Postgres_db_push_with_hostile_names() => Push("postgresql", await PostgresServer.Shared.CreateDatabaseAsync("hostilepush"));

    [Fact]
    public void Sqlite_migrate_dev_with_hostile_names() => Dev("sqlite", null);

    [Fact]
    public async Task Postgres_migrate_dev_with_hostile_names() => Dev("postgresql", await PostgresServer.Shared.CreateDatabaseAsync("hostiledev"));

    /// <summary>Database schemas with a quote in their name: the shadow database is wiped, migrations replayed, and the database reset through quoted names.</summary>
    [Fact]
    public async Task Postgres_hostile_schema_names_in_the_shadow_database_and_reset()
    {
        using var cli = new CliRunner();
        var url = await PostgresServer.Shared.CreateDatabaseAsync("hostileschemas");
        var shadow = await PostgresServer.Shared.CreateDatabaseAsync("hostileshadow");
        cli.Write(".env", $"DATABASE_URL=\"{url}\"\nSHADOW_URL=\"{shadow}\"\n");
        string Schema(string values) => $$$"""
            datasource db {
              provider          = "postgresql"
              url               = env("DATABASE_URL")
              shadowDatabaseUrl = env("SHADOW_URL")
              schemas           = ["base", "te\"am ü"]
            }

            model User {
              id Int @id

              @@schema("base")
            }

            model Team {
              id   Int  @id
              role Role @default(Member)

              @@map("a\"b")
              @@schema("te\"am ü")
            }

            enum Role {
              {{{values}}}

              @@schema("te\"am ü")
            }
            """;
        cli.Write("prisma/schema.prisma", Schema("Member\n  Owner"));
        var init = cli.Run("migrate", "dev", "--name", "init");
        Assert.True(init.Code == 0, init.Out + init.Error);
        cli.Write("prisma/schema.prisma", Schema("Member\n  Admin\n  Owner"));
        var more = cli.Run("migrate", "dev", "--name", "admin");
        Assert.True(more.Code == 0, more.Out + more.Error);
        var db = new Database("postgresql", url, cli);
        db.Execute("INSERT INTO \"te\"\"am ü\".\"a\"\"b\" (\"id\", \"role\") VALUES (1, 'Admin')");

        var reset = cli.Run("migrate", "reset", "--force");
        Assert.True(reset.Code == 0, reset.Out + reset.Error);
        Assert.Contains("Applied 2 migrations", reset.Out);
        Assert.Equal(0L, db.Count("a\"b", schema: "te\"am ü"));
        var status = cli.Run("migrate", "status");
        Assert.True(status.Code == 0, status.Out + status.Error);
        var diff = cli.Run("migrate", "diff", "--from-url", url, "--to-schema", "prisma/schema.prisma", "--exit-code");
        Assert.True(diff.Code == 0, diff.Out + diff.Error);
    }

    [Fact]
    public async Task Postgres_db_push_refuses_when_the_data_loss_check_cannot_count()
    {
        using var cli = new CliRunner();
        var url = await PostgresServer.Shared.CreateDatabaseAsync("pushdenied");
        var limited = await LimitedRole.CreateAsync(url, "CREATE TABLE \"Secret\" (\"id\" INTEGER PRIMARY KEY); INSERT INTO \"Secret\" VALUES (1);");
        cli.Write("prisma/schema.prisma", Schema("postgresql", withHostile: false));
        var (code, output, error) = cli.Run("db", "push", "--url", limited);
        Assert.Equal(1, code);
        Assert.Contains("error: The data-loss check could not count the rows of `Secret`, so nothing was changed: ", error);
        Assert.Contains("permission denied", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("in sync", output);
        Assert.Equal(1L, new Database("postgresql", url, cli).Count("Secret"));
    }
}
