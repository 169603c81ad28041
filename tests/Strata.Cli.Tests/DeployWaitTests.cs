using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate;
using Strata.Postgres.Migrations;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// `migrate deploy` while the test holds the deploy lock: it says on standard error that it
/// waits and for how long, applies nothing meanwhile, and goes ahead once the lock is released.
/// </summary>
internal static partial class DeployWait
{
    [GeneratedRegex(@"^Waiting for another migration run to finish \((\d+) s\)\.\.\.$", RegexOptions.Multiline)]
    private static partial Regex WaitingLine();

    public static async Task Deploy_waits_for_the_held_lock_and_says_so(CliRunner cli, IMigrationDialect dialect, DbConnection holder, string[] urlArgs)
    {
        Assert.True(await dialect.DeployLock.TryAcquireAsync(holder, CancellationToken.None));
        var run = cli.Start(["migrate", "deploy", .. urlArgs]);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!WaitingLine().IsMatch(run.Error.Text))
            {
                Assert.False(run.Exit.IsCompleted, "deploy ended while the lock was held: " + run.Out.Text + run.Error.Text);
                Assert.True(DateTime.UtcNow < deadline, "no waiting message in 30 s: " + run.Error.Text);
                await Task.Delay(100);
            }
            var waited = int.Parse(WaitingLine().Match(run.Error.Text).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(waited, 5, 29); // the first report comes after the interval, five seconds
            Assert.False(run.Exit.IsCompleted);
            Assert.DoesNotContain("Applying migration", run.Out.Text);
        }
        finally
        {
            await dialect.DeployLock.ReleaseAsync(holder, CancellationToken.None);
        }
        int code = await run.Exit.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, run.Out.Text + run.Error.Text);
        Assert.Contains("All migrations have been applied (2).", run.Out.Text);
    }

    public static void WriteProject(CliRunner cli, string provider, string createTable)
    {
        cli.Write("prisma/schema.prisma", $"datasource db {{\n  provider = \"{provider}\"\n  url      = env(\"DATABASE_URL\")\n}}\n\nmodel User {{\n  id   Int     @id @default(autoincrement())\n  name String?\n}}\n");
        cli.Write(".env", "DATABASE_URL=\"file:./dev.db\"\n");
        cli.Write("prisma/migrations/migration_lock.toml", $"provider = \"{provider}\"\n");
        cli.Write("prisma/migrations/20240101000000_init/migration.sql", createTable);
        cli.Write("prisma/migrations/20240102000000_name/migration.sql", "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\n");
    }
}

public class SqliteDeployWaitTests
{
    [Fact]
    public async Task Sqlite_deploy_waits_for_another_and_says_so()
    {
        using var cli = new CliRunner();
        DeployWait.WriteProject(cli, "sqlite", "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);\n");
        await using var holder = new SqliteConnection($"Data Source={cli.PathOf("prisma/dev.db")};Pooling=False");
        await holder.OpenAsync();
        await DeployWait.Deploy_waits_for_the_held_lock_and_says_so(cli, new SqliteMigrationDialect(), holder, []);
    }
}

public class PostgresDeployWaitTests
{
    [Fact]
    public async Task Postgres_deploy_waits_for_another_and_says_so()
    {
        using var cli = new CliRunner();
        DeployWait.WriteProject(cli, "postgresql", "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n");
        var url = await PostgresServer.Shared.CreateDatabaseAsync("deploywait");
        await using var holder = new NpgsqlConnection(url);
        await holder.OpenAsync();
        await DeployWait.Deploy_waits_for_the_held_lock_and_says_so(cli, new PostgresMigrationDialect(), holder, ["--url", url]);
    }
}
