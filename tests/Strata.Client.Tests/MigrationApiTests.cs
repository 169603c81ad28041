using Strata.Client.Tests.Blog;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>Migrations applied from the app (MigrateAsync, MigrationStatusAsync): each once, also with several instances starting at once.</summary>
public class MigrationApiTests : ClientTest, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-app-migrations-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private void Migration(string name, string sql)
    {
        Directory.CreateDirectory(Path.Combine(_folder, name));
        File.WriteAllText(Path.Combine(_folder, name, "migration.sql"), sql);
    }

    /// <summary>A client of an empty database (no tables).</summary>
    private static async Task<(BlogDb Db, string Url)> EmptyAsync(StrataProvider provider)
    {
        var url = provider == StrataProvider.Sqlite
            ? "file:" + Path.Combine(Path.GetTempPath(), "strata-app-migrate-" + Guid.NewGuid().ToString("N") + ".db")
            : await PostgresServer.Shared.CreateDatabaseAsync("appmigrate");
        return (new BlogDb(url), url);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pending_migrations_are_applied_once_and_the_status_says_so(StrataProvider provider)
    {
        Migration("20260101000000_init", "CREATE TABLE \"note\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"text\" TEXT NOT NULL);\n");
        var (db, _) = await EmptyAsync(provider);
        await using (db)
        {
            var before = await db.MigrationStatusAsync(_folder);
            Assert.Equal(["20260101000000_init"], before.Pending);
            Assert.False(before.IsUpToDate);

            Assert.Equal(["20260101000000_init"], await db.MigrateAsync(_folder));
            Assert.Empty(await db.MigrateAsync(_folder));
            await db.ExecuteRawAsync($"INSERT INTO \"note\" (\"id\", \"text\") VALUES ({1}, {"kept"})");

            Migration("20260102000000_more", "ALTER TABLE \"note\" ADD COLUMN \"done\" BOOLEAN NOT NULL DEFAULT false;\n");
            var status = await db.MigrationStatusAsync(_folder);
            Assert.Equal(["20260101000000_init"], status.Applied);
            Assert.Equal(["20260102000000_more"], status.Pending);
            Assert.Equal(["20260102000000_more"], await db.MigrateAsync(_folder));
            Assert.True((await db.MigrationStatusAsync(_folder)).IsUpToDate);
            Assert.Equal(["kept"], await db.QueryRawAsync<string>($"SELECT \"text\" FROM \"note\" WHERE \"done\" = {false}"));

            File.AppendAllText(Path.Combine(_folder, "20260101000000_init", "migration.sql"), "-- edited\n");
            Assert.Equal(["20260101000000_init"], (await db.MigrationStatusAsync(_folder)).Edited);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Instances_starting_at_once_apply_each_migration_once(StrataProvider provider)
    {
        Migration("20260101000000_init", "CREATE TABLE \"counter\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
        Migration("20260102000000_seed", "INSERT INTO \"counter\" (\"id\") VALUES (1);\n");
        var (first, url) = await EmptyAsync(provider);
        var clients = new List<BlogDb> { first };
        for (int i = 1; i < 6; i++) clients.Add(new BlogDb(url));
        try
        {
            var applied = await Task.WhenAll(clients.Select(c => Task.Run(() => c.MigrateAsync(_folder))));
            Assert.Equal(2, applied.Sum(a => a.Count)); // had both run a migration, the seed's INSERT would have failed on its key
            Assert.Equal(1, (await first.QueryRawAsync<long>($"SELECT COUNT(*) FROM \"counter\"")).Single());
            Assert.Equal(2, (await first.QueryRawAsync<long>($"SELECT COUNT(*) FROM \"_prisma_migrations\"")).Single());
        }
        finally
        {
            foreach (var c in clients) await c.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failing_migration_is_P3018_and_blocks_later_deploys_with_P3009(StrataProvider provider)
    {
        Migration("20260101000000_broken", "CREATE TABLE \"ok\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\nTHIS IS NOT SQL;\n");
        var (db, _) = await EmptyAsync(provider);
        await using (db)
        {
            var failed = await Assert.ThrowsAsync<StrataException>(() => db.MigrateAsync(_folder));
            Assert.Equal(ErrorCodes.MigrationFailed, failed.Code);
            Assert.Contains("20260101000000_broken", failed.Message);
            Assert.Equal(["20260101000000_broken"], (await db.MigrationStatusAsync(_folder)).Failed);
            var blocked = await Assert.ThrowsAsync<StrataException>(() => db.MigrateAsync(_folder));
            Assert.Equal(ErrorCodes.MigrationsBlocked, blocked.Code);

            var missing = await Assert.ThrowsAsync<StrataException>(() => db.MigrateAsync(Path.Combine(_folder, "nowhere")));
            Assert.Contains("no migrations folder", missing.Message);
            await db.TransactionAsync(async tx =>
                Assert.Equal(ErrorCodes.InvalidQuery, (await Assert.ThrowsAsync<StrataException>(() => tx.MigrateAsync(_folder))).Code));
        }
    }
}
