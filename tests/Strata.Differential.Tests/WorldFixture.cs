using Strata.Differential.Tests.Data;

namespace Strata.Differential.Tests;

/// <summary>The seeded world on SQLite, PostgreSQL and MariaDB, and the same rows in memory; read-only for the tests that share it.</summary>
public sealed class WorldFixture : IAsyncLifetime
{
    public const int DataSeed = 20261202;

    public WorldData Data { get; } = WorldData.Generate(DataSeed);

    public WorldIndex Index => _index ??= new WorldIndex(Data);

    private WorldIndex? _index;

    public List<WorldDatabase> Databases { get; } = [];

    public WorldDatabase Database(StrataProvider provider) => Databases.Single(d => d.Provider == provider);

    public async Task InitializeAsync()
    {
        foreach (var provider in new[] { StrataProvider.Sqlite, StrataProvider.PostgreSql, StrataProvider.MySql })
        {
            var database = await WorldDatabase.CreateAsync(provider);
            Databases.Add(database);
            await database.SeedAsync(Data);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var database in Databases) await database.DisposeAsync();
    }
}
