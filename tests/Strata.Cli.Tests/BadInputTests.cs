using System.Diagnostics;

namespace Strata.Cli.Tests;

/// <summary>
/// Bad input gives one clear line on standard error and exit code 1, never a stack trace and never
/// the tool's last-resort "unexpected" line: each case is handled where it happens.
/// </summary>
public class BadInputTests
{
    private const string Models = "\nmodel User {\n  id Int @id\n}\n";

    private static string Schema(string provider) => $"datasource db {{\n  provider = \"{provider}\"\n  url      = env(\"DATABASE_URL\")\n}}\n" + Models;

    /// <summary>Exit code 1 and one line that contains <paramref name="expected"/>.</summary>
    internal static void AssertOneLine((int Code, string Out, string Error) result, string expected)
    {
        Assert.True(result.Code == 1, $"exit code {result.Code}:\n{result.Out}{result.Error}");
        var lines = result.Error.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, "more than one line:\n" + result.Error);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("unexpected", lines[0]);
    }

    [Theory]
    [InlineData("sqlite", "Data Source=x.db;Foo=1", "has the keyword `foo`, which SQLite's driver (Microsoft.Data.Sqlite) does not know")]
    [InlineData("sqlite", "Data Source=x.db;Mode=Sideways", "The connection string's `mode` value is not valid: Requested value 'Sideways' was not found.")]
    [InlineData("sqlite", "Data Source=x.db;Cache='Shared", "The connection string is not valid: write it as Keyword=value pairs")]
    [InlineData("postgresql", "Host=;Port=abc", "The connection string's `port` value is not valid: The input string 'abc' was not in a correct format.")]
    [InlineData("postgresql", "Host=127.0.0.1;Port=99999999999", "The connection string's `port` value is not valid")]
    [InlineData("postgresql", "Host=127.0.0.1;Frobnicate=1", "has the keyword `frobnicate`, which PostgreSQL's driver (Npgsql) does not know")]
    [InlineData("postgresql", "Host=127.0.0.1;Password=a;b;Port=1", "password holds a `;`")]
    [InlineData("postgresql", "Host=;Port=1", "Cannot connect to Host=;Port=1: ")]
    public void A_bad_connection_string_is_one_line_naming_the_keyword(string provider, string url, string expected)
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema.prisma", Schema(provider));
        AssertOneLine(cli.Run("migrate", "status", "--url", url), expected);
        AssertOneLine(cli.Run("db", "pull", "--print", "--url", url), expected);
        AssertOneLine(cli.RunWith(false, null, "SELECT 1;", "db", "execute", "--stdin", "--url", url), expected);
        if (provider == "sqlite") AssertOneLine(cli.Run("migrate", "diff", "--from-url", url, "--to-empty"), expected);
        cli.Write(".env", $"DATABASE_URL=\"{url}\"\n");
        AssertOneLine(cli.Run("migrate", "deploy"), expected);
    }

    [Theory]
    [InlineData("--schema", "validate", "--schema", "")]
    [InlineData("--schema", "format", "--schema", "")]
    [InlineData("--schema", "migrate", "status", "--schema", " ")]
    [InlineData("--url", "migrate", "status", "--url", "")]
    [InlineData("--from-schema", "migrate", "diff", "--from-schema", "", "--to-empty")]
    [InlineData("--from-migrations", "migrate", "diff", "--from-migrations", "", "--to-empty")]
    [InlineData("--to-url", "migrate", "diff", "--from-empty", "--to-url", "")]
    [InlineData("--shadow-database-url", "migrate", "diff", "--from-empty", "--to-empty", "--shadow-database-url", "")]
    [InlineData("--file", "db", "execute", "--file", "")]
    [InlineData("--url", "init", "--url", "")]
    public void An_empty_option_value_is_one_line_naming_the_option(string option, params string[] args)
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema.prisma", Schema("sqlite"));
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        AssertOneLine(cli.Run(args), $"{option} was given an empty value");
    }

    [Fact]
    public void A_failing_pending_migration_in_migrate_dev_is_one_line()
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema.prisma", Schema("sqlite"));
        cli.Write("prisma/.env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/migrations/20240101000000_bad/migration.sql", "NOT SQL;\n");
        AssertOneLine(cli.Run("migrate", "dev", "--name", "next"), "The migration 20240101000000_bad failed and was rolled back: SQLite Error 1");
    }

    [Fact]
    public void A_device_as_the_schema_is_refused_at_once()
    {
        using var cli = new CliRunner();
        foreach (var command in new[] { "validate", "format" })
            AssertOneLine(Bounded(() => cli.Run(command, "--schema", "/dev/zero")), "/dev/zero is a character device, not a regular file");
    }

    [Fact]
    public void A_fifo_as_the_schema_or_its_env_file_is_refused_at_once()
    {
        using var cli = new CliRunner();
        MakeFifo(cli.PathOf("schema.prisma"));
        AssertOneLine(Bounded(() => cli.Run("validate")), "Cannot read the schema at schema.prisma: schema.prisma is a FIFO (named pipe), not a regular file");
        AssertOneLine(Bounded(() => cli.Run("format", "--schema", "schema.prisma")), "schema.prisma is a FIFO (named pipe)");
        File.Delete(cli.PathOf("schema.prisma"));

        cli.Write("prisma/schema/models.prisma", Schema("sqlite"));
        MakeFifo(cli.PathOf("prisma/schema/pipe.prisma"));
        AssertOneLine(Bounded(() => cli.Run("validate")), "prisma/schema/pipe.prisma is a FIFO (named pipe)");
        File.Delete(cli.PathOf("prisma/schema/pipe.prisma"));

        MakeFifo(cli.PathOf("prisma/schema/.env"));
        AssertOneLine(Bounded(() => cli.Run("migrate", "status")), "Cannot read the .env file: ");
    }

    /// <summary>Runs <paramref name="run"/> with a time limit that only a read that blocks can reach.</summary>
    private static (int, string, string) Bounded(Func<(int, string, string)> run)
    {
        var task = Task.Run(run);
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the command did not return: it is reading a FIFO or a device");
        return task.Result;
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
