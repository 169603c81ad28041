namespace Strata.Cli.Tests;

public class ResetAndExecuteTests
{
    private static CliRunner Project()
    {
        var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n");
        Assert.Equal(0, cli.Run("migrate", "dev", "--name", "init").Code);
        return cli;
    }

    private static long CountUsers(CliRunner cli)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.PathOf("prisma/dev.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"User\"";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Db_execute_runs_a_file_or_stdin_in_one_transaction()
    {
        using var cli = Project();
        cli.Write("seed.sql", "INSERT INTO \"User\" (\"name\") VALUES ('Ann'), ('Bob');");
        Assert.Equal(0, cli.Run("db", "execute", "--file", "seed.sql").Code);
        Assert.Equal(2, CountUsers(cli));
        Assert.Equal(0, cli.RunWith(false, null, "INSERT INTO \"User\" (\"name\") VALUES ('Cy');", "db", "execute", "--stdin").Code);
        Assert.Equal(3, CountUsers(cli));

        var failed = cli.RunWith(false, null, "INSERT INTO \"User\" (\"name\") VALUES ('Dee'); NOT SQL;", "db", "execute", "--stdin");
        Assert.Equal(1, failed.Code);
        Assert.Contains("nothing was changed", failed.Error);
        Assert.Equal(3, CountUsers(cli));
        Assert.Equal(1, cli.Run("db", "execute").Code);
    }

    [Fact]
    public void Reset_needs_force_or_a_yes_and_then_empties_and_reapplies()
    {
        using var cli = Project();
        cli.Write("seed.sql", "INSERT INTO \"User\" (\"name\") VALUES ('Ann');");
        Assert.Equal(0, cli.Run("db", "execute", "--file", "seed.sql").Code);

        var noTerminal = cli.Run("migrate", "reset");
        Assert.Equal(1, noTerminal.Code);
        Assert.Contains("pass --force", noTerminal.Error);
        Assert.Equal(1, cli.RunWith(false, false, "", "migrate", "reset").Code);
        Assert.Equal(1, CountUsers(cli));

        Assert.Equal(0, cli.RunWith(false, true, "", "migrate", "reset").Code);
        Assert.Equal(0, CountUsers(cli));
        Assert.Equal(0, cli.Run("migrate", "status").Code);
        Assert.Equal(0, cli.Run("migrate", "reset", "--force").Code);
    }
}

public class DbPushTests
{
    private const string Head = "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";

    [Fact]
    public void Push_creates_and_changes_the_database_without_migration_files()
    {
        using var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", Head + "model User {\n  id   Int    @id @default(autoincrement())\n  name String\n  age  Int?\n}\n");
        var first = cli.Run("db", "push");
        Assert.True(first.Code == 0, first.Error);
        Assert.False(Directory.Exists(cli.PathOf("prisma/migrations")));
        Assert.Contains("already in sync", cli.Run("db", "push").Out);

        cli.Write("seed.sql", "INSERT INTO \"User\" (\"name\", \"age\") VALUES ('Ann', 30);");
        Assert.Equal(0, cli.Run("db", "execute", "--file", "seed.sql").Code);
        cli.Write("prisma/schema.prisma", Head + "model User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n");
        var refused = cli.Run("db", "push");
        Assert.Equal(1, refused.Code);
        Assert.Contains("The column `age` of `User` will be dropped (1 row).", refused.Error);
        Assert.Equal(0, cli.Run("db", "push", "--accept-data-loss").Code);
        Assert.Equal(0, cli.Run("migrate", "diff", "--from-url", $"file:{cli.PathOf("prisma/dev.db")}", "--to-schema", "prisma/schema.prisma", "--exit-code").Code);
        Assert.Equal(0, cli.Run("db", "push", "--force-reset").Code);
    }
}

public class DbPullTests
{
    [Fact]
    public void Pull_writes_models_keeps_the_datasource_and_needs_force_to_replace()
    {
        using var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        const string head = "// my project\n\ndatasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\ngenerator client {\n  provider = \"strata\"\n}\n";
        cli.Write("prisma/schema.prisma", head + "\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id @default(autoincrement())\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n}\n");
        Assert.Equal(0, cli.Run("db", "push").Code);

        var refused = cli.Run("db", "pull");
        Assert.Equal(1, refused.Code);
        Assert.Contains("--force", refused.Error);

        cli.Write("prisma/schema.prisma", head);
        var pulled = cli.Run("db", "pull");
        Assert.True(pulled.Code == 0, pulled.Error);
        var schema = cli.Read("prisma/schema.prisma");
        Assert.StartsWith(head, schema);
        Assert.Contains("model User {", schema);
        Assert.Contains("email String @unique", schema);
        Assert.Contains("User     User @relation(fields: [authorId], references: [id], onDelete: Cascade)", schema); // named after the model it points to, as Prisma names it
        Assert.Contains("Post  Post[]", schema);
        Assert.Equal(0, cli.Run("validate").Code);
        Assert.Equal(0, cli.Run("format", "--check").Code);
        Assert.Contains("already in sync", cli.Run("db", "push").Out);

        var printed = cli.Run("db", "pull", "--print");
        Assert.Equal(0, printed.Code);
        Assert.Equal(schema, printed.Out);
    }
}

public class SeedTests
{
    private static CliRunner Project(string seed)
    {
        var cli = new CliRunner();
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n");
        Assert.Equal(0, cli.Run("migrate", "dev", "--name", "init").Code);
        cli.Write("strata.config.json", "{ \"seed\": " + System.Text.Json.JsonSerializer.Serialize(seed) + " }");
        return cli;
    }

    [Fact]
    public void Db_seed_runs_the_command_with_the_url_and_the_arguments_after_the_dashes()
    {
        using var cli = Project("echo \"$DATABASE_URL\" > url.txt; printf '%s\\n' >> args.txt");
        var run = cli.Run("db", "seed", "--", "--count", "two words", "$HOME");
        Assert.True(run.Code == 0, run.Error);
        Assert.Contains("The seed command finished.", run.Out);
        Assert.Equal("file:./dev.db\n", cli.Read("url.txt"));
        Assert.Equal("--count\ntwo words\n$HOME\n", cli.Read("args.txt")); // as given, never expanded by a shell
    }

    [Fact]
    public void Reset_seeds_unless_told_not_to_and_a_failing_seed_fails_the_command()
    {
        using var cli = Project("echo seeded >> runs.txt");
        Assert.Equal(0, cli.Run("migrate", "reset", "--force").Code);
        Assert.Equal(0, cli.Run("migrate", "reset", "--force", "--skip-seed").Code);
        Assert.Equal("seeded\n", cli.Read("runs.txt"));

        cli.Write("strata.config.json", "{ \"seed\": \"exit 3\" }");
        var failed = cli.Run("db", "seed");
        Assert.Equal(1, failed.Code); // the CLI's exit code for any failure; the message has the command's
        Assert.Contains("failed with exit code 3", failed.Error);

        cli.Write("strata.config.json", "{ \"seed\": 42 }");
        Assert.Contains("must be the command to run", cli.Run("db", "seed").Error);
        File.Delete(cli.PathOf("strata.config.json"));
        var none = cli.Run("db", "seed");
        Assert.Equal(1, none.Code);
        Assert.Contains("No seed command is configured", none.Error);
        Assert.Equal(0, cli.Run("migrate", "reset", "--force").Code); // nothing to seed: reset alone
    }
}
