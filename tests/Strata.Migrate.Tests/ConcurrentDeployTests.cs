using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.History;
using Strata.Postgres.Migrations;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Migrate.Tests;

/// <summary>
/// Deploys started at once, each on its own connection and thread, apply every migration exactly
/// once: SQLite through its write transaction, PostgreSQL through its advisory lock.
/// </summary>
public class ConcurrentDeployTests(ITestOutputHelper output)
{
    private const int Rounds = 25;
    private const int Deployers = 4;

    // Each migration records that it ran, and fails when run a second time (CREATE TABLE without IF NOT EXISTS).
    private static readonly IReadOnlyList<MigrationFile> Migrations = Enumerable.Range(1, 4)
        .Select(i => new MigrationFile($"0{i}_step",
            $"CREATE TABLE IF NOT EXISTS \"runs\" (\"name\" TEXT);\nINSERT INTO \"runs\" (\"name\") VALUES ('0{i}_step');\nCREATE TABLE \"T{i}\" (\"id\" INTEGER);\n", null))
        .ToList();

    private async Task RunRounds(string provider, Func<int, Task<string>> freshDatabase, Func<string, Task> dropDatabase, Func<string, DbConnection> open,
        IMigrationDialect dialect)
    {
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < Rounds; round++)
        {
            var database = await freshDatabase(round);
            // The history table is there already, as in any database deployed to before: the deploys meet at reading it.
            await using (var setup = open(database))
            {
                await setup.OpenAsync();
                await new MigrationRunner(setup, dialect).ReadHistoryAsync();
            }
            using var start = new Barrier(Deployers);
            // Separate threads, so that SQLite's synchronous driver really runs the deploys side by side.
            var deploys = Enumerable.Range(0, Deployers).Select(_ => Task.Run(async () =>
            {
                await using var connection = open(database);
                await connection.OpenAsync();
                start.SignalAndWait();
                return await new MigrationRunner(connection, dialect).DeployAsync(Migrations);
            })).ToList();
            var applied = await Task.WhenAll(deploys);

            Assert.Equal(Migrations.Select(m => m.Name), applied.SelectMany(a => a).Order(StringComparer.Ordinal));
            await using var check = open(database);
            await check.OpenAsync();
            var history = await new MigrationRunner(check, dialect).ReadHistoryAsync();
            Assert.Equal(Migrations.Select(m => m.Name), history.Select(h => h.Name).Order(StringComparer.Ordinal));
            Assert.All(history, h => Assert.True(h.Finished && !h.Failed, $"round {round}: {h.Name} is not finished: {h.Logs}"));
            await using var runs = check.CreateCommand();
            runs.CommandText = "SELECT count(*) FROM \"runs\"";
            Assert.Equal(Migrations.Count, Convert.ToInt32(await runs.ExecuteScalarAsync()));
            await check.CloseAsync();
            await dropDatabase(database);
        }
        output.WriteLine($"{provider}: {Rounds} rounds of {Deployers} concurrent deploys in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Concurrent_sqlite_deploys_apply_each_migration_once()
    {
        var folder = Directory.CreateTempSubdirectory("strata-concurrent-");
        try
        {
            await RunRounds("SQLite", round => Task.FromResult(Path.Combine(folder.FullName, $"round{round}.db")),
                file =>
                {
                    File.Delete(file);
                    return Task.CompletedTask;
                },
                file => new SqliteConnection($"Data Source={file};Pooling=False"), new SqliteMigrationDialect());
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Fact]
    public async Task Concurrent_postgres_deploys_apply_each_migration_once() =>
        await RunRounds("PostgreSQL", _ => PostgresServer.Shared.CreateDatabaseAsync("concurrent"), PostgresServer.Shared.DropDatabaseAsync,
            url => new NpgsqlConnection(url), new PostgresMigrationDialect());
}
