using Strata.Differential.Engine;
using Strata.RelationMode.Tests.Shop;

namespace Strata.RelationMode.Tests;

/// <summary>Runs each test on SQLite, PostgreSQL and MariaDB, on a fresh database with the shop schema (no foreign keys).</summary>
public abstract class RelationModeTest
{
    /// <summary>Arrays, where a collection expression would be a span that cannot cross an await.</summary>
    protected static int[] I(params int[] items) => items;

    protected static string[] S(params string[] items) => items;

    public static TheoryData<StrataProvider> Providers => new() { StrataProvider.Sqlite, StrataProvider.PostgreSql, StrataProvider.MySql };

    /// <summary>Runs <paramref name="body"/> with a client of a fresh database and the log of its statements.</summary>
    protected static async Task WithClient(StrataProvider provider, Func<ShopDb, StatementLog, Task> body)
    {
        var (url, file) = await SchemaDatabase.CreateAsync(provider, "Schema/shop.prisma");
        try
        {
            using var log = new StatementLog();
            await using var db = new ShopDb(log.Options(url));
            await body(db, log);
        }
        finally
        {
            SchemaDatabase.Delete(file);
        }
    }

    /// <summary>
    /// Owner 1 "ann": racks 10 (items 100, 101) and 11 (item 110), note 5, tags a and b, club 1.
    /// Owner 2 "bob": rack 20 (item 200), note 6, tag a, club 1. Nothing refers to Loan, Card, Badge yet.
    /// </summary>
    protected static async Task SeedAsync(ShopDb db)
    {
        await db.Tags.CreateManyAsync([new TagCreate { Id = 1, Name = "a" }, new TagCreate { Id = 2, Name = "b" }]);
        await db.Clubs.CreateAsync(new ClubCreate { Id = 1 });
        await db.Owners.CreateAsync(new OwnerCreate
        {
            Id = 1, Name = "ann",
            Racks = new() { Create = [Rack(10, 100, 101), Rack(11, 110)] },
            Notes = new() { Create = [new NoteCreate { Id = 5 }] },
            Tags = new() { Connect = [t => t.Id == 1, t => t.Id == 2] },
            Memberships = new() { Create = [new MembershipCreate { ClubId = 1, Fees = new() { Create = [new FeeCreate { Id = 1, Amount = 10 }] } }] },
        });
        await db.Owners.CreateAsync(new OwnerCreate
        {
            Id = 2, Name = "bob",
            Racks = new() { Create = [Rack(20, 200)] },
            Notes = new() { Create = [new NoteCreate { Id = 6 }] },
            Tags = new() { Connect = [t => t.Id == 1] },
            Memberships = new() { Create = [new MembershipCreate { ClubId = 1, Fees = new() { Create = [new FeeCreate { Id = 2, Amount = 20 }] } }] },
        });
    }

    private static RackCreate Rack(int id, params int[] items) =>
        new() { Id = id, Items = new() { Create = items.Select(i => new ItemCreate { Id = i }).ToList() } };

    protected static async Task<int[]> Ids<T>(Task<List<T>> rows, Func<T, int> id) => (await rows).Select(id).Order().ToArray();

    /// <summary>The rows of the implicit many-to-many join table, as (owner, tag) pairs.</summary>
    protected static async Task<string[]> JoinRows(ShopDb db, StrataProvider provider) => (provider == StrataProvider.MySql
        ? await db.QueryRawAsync<string>($"SELECT CONCAT(CAST(`A` AS CHAR), '-', CAST(`B` AS CHAR)) FROM `_OwnerToTag` ORDER BY `A`, `B`")
        : await db.QueryRawAsync<string>($"SELECT CAST(\"A\" AS TEXT) || '-' || CAST(\"B\" AS TEXT) FROM \"_OwnerToTag\" ORDER BY \"A\", \"B\"")).ToArray();
}
