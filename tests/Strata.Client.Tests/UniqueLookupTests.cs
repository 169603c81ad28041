using Strata.Client.Tests.Blog;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Client.Tests;

/// <summary>
/// A plain FindUnique binds its values into a statement kept per unique criterion; each lookup must
/// still find its own record (the suite runs with verification on, which compares every kept
/// statement with a fresh one), and a criterion whose values the dialect converts keeps none.
/// </summary>
public class UniqueLookupTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Each_lookup_through_a_kept_statement_finds_its_own_record(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var users = await db.Users.OrderBy(u => u.Id).FindManyAsync();
        for (int round = 0; round < 2; round++)
        {
            foreach (var user in users)
            {
                Assert.Equal(user.Email, (await db.Users.FindUniqueAsync(u => u.Id == user.Id))!.Email);
                Assert.Equal(user.Id, (await db.Users.FindUniqueAsync(u => u.Email == user.Email))!.Id);
            }
        }
        Assert.Null(await db.Users.FindUniqueAsync(u => u.Id == -5));
        // The lookups above went through the kept statement (else this test would show nothing about it).
        var dialect = DialectOf(provider);
        var byId = BlogDbModel.User.Uniques.Single(u => u.IsPrimaryKey);
        Assert.True(dialect.UniqueLookups.TryBind(BlogDbModel.User, new UniqueFilter(byId, [users[0].Id]), out _, out _));
        await db.Memberships.CreateAsync(new MembershipCreate { OrgId = 1, UserKey = "a", Level = 4 });
        await db.Memberships.CreateAsync(new MembershipCreate { OrgId = 2, UserKey = "a", Level = 5 });
        await db.Memberships.CreateAsync(new MembershipCreate { OrgId = 1, UserKey = "b", Level = 6 });
        foreach (var (org, key, level) in new[] { (1, "a", 4), (2, "a", 5), (1, "b", 6), (1, "a", 4) })
            Assert.Equal(level, (await db.Memberships.FindUniqueOrThrowAsync(m => m.OrgIdUserKey(org, key))).Level);
        Assert.Null(await db.Memberships.FindUniqueAsync(m => m.OrgIdUserKey(2, "b")));

        // A lookup with a Where is written in full, and still applies the Where.
        Assert.Null(await db.Users.Where(u => u.Name == "nobody").FindUniqueAsync(u => u.Id == users[0].Id));
        var error = await Assert.ThrowsAsync<StrataException>(() => db.Users.FindUniqueAsync(u => u.Email == null!));
        Assert.Equal("P2009", error.Code);
    });

    private static readonly ColumnInfo Key = new(0, "id", "id", ScalarKind.Int, isOptional: false);
    private static readonly ModelInfo Model = new("M", "M", null, [Key], [new UniqueInfo("id", [0], true)]);

    [Fact]
    public void A_template_binds_new_values_where_the_first_lookup_had_its_own()
    {
        var cache = new UniqueLookupCache();
        var first = new UniqueFilter(Model.Uniques[0], [7]);
        var limit = new QueryParameter(ScalarKind.Int, null, 1);
        cache.Learn(Model, first, "SELECT ... = @p0 LIMIT @p1", [new QueryParameter(ScalarKind.Int, Key, first.Values[0]), limit]);
        Assert.True(cache.TryBind(Model, new UniqueFilter(Model.Uniques[0], [42]), out var sql, out var parameters));
        Assert.Equal("SELECT ... = @p0 LIMIT @p1", sql);
        Assert.Equal([new QueryParameter(ScalarKind.Int, Key, 42), limit], parameters);
    }

    [Fact]
    public void A_value_the_dialect_converted_leaves_the_criterion_without_a_template()
    {
        var cache = new UniqueLookupCache();
        var first = new UniqueFilter(Model.Uniques[0], [7]);
        // The parameter holds the column's value, but not the object the criterion was given: it cannot be bound again.
        cache.Learn(Model, first, "SELECT ...", [new QueryParameter(ScalarKind.Int, Key, 7L)]);
        Assert.False(cache.TryBind(Model, new UniqueFilter(Model.Uniques[0], [8]), out _, out _));
    }

    [Fact]
    public void A_template_is_not_used_for_another_model_with_an_equal_criterion()
    {
        var cache = new UniqueLookupCache();
        var first = new UniqueFilter(Model.Uniques[0], [7]);
        cache.Learn(Model, first, "SELECT ...", [new QueryParameter(ScalarKind.Int, Key, first.Values[0])]);
        var other = new ModelInfo("N", "N", null, [Key], Model.Uniques);
        Assert.False(cache.TryBind(other, new UniqueFilter(Model.Uniques[0], [8]), out _, out _));
    }
}
