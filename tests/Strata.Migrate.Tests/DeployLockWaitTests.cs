using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.History;
using Strata.Migrate.Locking;
using Strata.Postgres.Migrations;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>A deploy that finds the deploy lock held reports how long it has waited, at its interval, and applies once the lock is free.</summary>
public class DeployLockWaitTests
{
    private sealed class Reports : IProgress<LockWait>
    {
        public ConcurrentQueue<LockWait> Items { get; } = new();

        public void Report(LockWait value) => Items.Enqueue(value);
    }

    private static async Task A_deploy_waits_for_the_lock_and_reports_it(Func<DbConnection> open, IMigrationDialect dialect)
    {
        await using var holder = open();
        await holder.OpenAsync();
        Assert.True(await dialect.DeployLock.TryAcquireAsync(holder, CancellationToken.None));
        await using var connection = open();
        await connection.OpenAsync();
        var reports = new Reports();
        var runner = new MigrationRunner(connection, dialect, reports) { LockWaitReportInterval = TimeSpan.FromMilliseconds(200) };
        var deploy = Task.Run(() => runner.DeployAsync([new MigrationFile("01_init", "CREATE TABLE \"A\" (\"id\" INTEGER);\n", null)]));
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (reports.Items.Count < 2)
            {
                Assert.False(deploy.IsCompleted, "the deploy ended while the lock was held");
                Assert.True(DateTime.UtcNow < deadline, "fewer than two reports in 30 s");
                await Task.Delay(50);
            }
            Assert.False(deploy.IsCompleted);
        }
        finally
        {
            await dialect.DeployLock.ReleaseAsync(holder, CancellationToken.None);
        }
        Assert.Equal(["01_init"], await deploy.WaitAsync(TimeSpan.FromSeconds(30)));
        var waited = reports.Items.Select(r => r.Waited).ToList();
        Assert.True(waited[0] >= TimeSpan.FromMilliseconds(200), $"first report after {waited[0]}");
        Assert.True(waited[1] > waited[0]);
    }

    [Fact]
    public async Task Sqlite_deploy_waits_for_the_lock_and_reports_it()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("strata-wait-").FullName, "wait.db");
        try
        {
            await A_deploy_waits_for_the_lock_and_reports_it(() => new SqliteConnection($"Data Source={file};Pooling=False"), new SqliteMigrationDialect());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, true);
        }
    }

    [Fact]
    public async Task Postgres_deploy_waits_for_the_lock_and_reports_it()
    {
        var url = await PostgresServer.Shared.CreateDatabaseAsync("lockwait");
        await A_deploy_waits_for_the_lock_and_reports_it(() => new NpgsqlConnection(url), new PostgresMigrationDialect());
    }
}
