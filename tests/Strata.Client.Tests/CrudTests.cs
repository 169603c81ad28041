using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class CrudTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Create_applies_defaults_and_returns_the_stored_record(StrataProvider provider) => WithClient(provider, async db =>
    {
        var before = DateTime.UtcNow.AddSeconds(-5);
        var user = await db.Users.CreateAsync(new UserCreate { Email = "a@example.com", Avatar = [1, 2, 0, 255], Settings = System.Text.Json.Nodes.JsonNode.Parse("{\"theme\":\"dark\",\"n\":[1,2]}") });
        Assert.True(user.Id > 0);
        Assert.Null(user.Name);
        Assert.Equal(0, user.Score);
        Assert.Equal(0m, user.Balance);
        Assert.Equal(0L, user.Big);
        Assert.True(user.Active);
        Assert.Equal(Role.User, user.Role);
        Assert.Equal(DateTimeKind.Utc, user.CreatedAt.Kind);
        Assert.InRange(user.CreatedAt, before, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(user.CreatedAt, user.UpdatedAt);
        Assert.Equal(new byte[] { 1, 2, 0, 255 }, user.Avatar);
        Assert.Equal("dark", (string?)user.Settings!["theme"]);

        var post = await db.Posts.CreateAsync(new PostCreate { Title = "t", AuthorId = user.Id });
        Assert.True(Guid.TryParse(post.Id, out var id) && id.Version == 4);
        Assert.False(post.Published);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Every_scalar_type_round_trips(StrataProvider provider) => WithClient(provider, async db =>
    {
        var when = new DateTime(2024, 2, 29, 13, 45, 6, 789, DateTimeKind.Utc);
        await db.Users.CreateAsync(new UserCreate
        {
            Email = "x@example.com", Name = "Zoë", Age = int.MaxValue, Score = -1.25e-7, Balance = 12345.6789m,
            Big = long.MinValue, Active = false, Role = Role.Admin, CreatedAt = when, UpdatedAt = when,
        });
        var user = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "x@example.com");
        Assert.Equal(("Zoë", int.MaxValue, -1.25e-7, 12345.6789m, long.MinValue, false, Role.Admin, when),
            (user.Name, user.Age!.Value, user.Score, user.Balance, user.Big, user.Active, user.Role, user.CreatedAt));
        Assert.Equal(when, user.UpdatedAt);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Find_unique_by_id_unique_field_and_compound_key(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var ann = await db.Users.FindUniqueAsync(u => u.Email == "ann@example.com");
        Assert.Equal("Ann", ann!.Name);
        Assert.Equal("Ann", (await db.Users.FindUniqueAsync(u => u.Id == ann.Id))!.Name);
        Assert.Null(await db.Users.FindUniqueAsync(u => u.Email == "nobody@example.com"));
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.FindUniqueOrThrowAsync(u => u.Id == -1));
        Assert.Equal("P2025", error.Code);
        Assert.Equal("User", error.Model);

        await db.Memberships.CreateAsync(new MembershipCreate { OrgId = 1, UserKey = "k" });
        var membership = await db.Memberships.FindUniqueOrThrowAsync(m => m.OrgIdUserKey(1, "k"));
        Assert.Equal(1, membership.Level);
        Assert.Null(await db.Memberships.FindUniqueAsync(m => m.OrgIdUserKey(2, "k")));
        // A Where adds a condition to the unique criterion, as Prisma's where with non-unique fields.
        Assert.Null(await db.Users.Where(u => u.Age > 50).FindUniqueAsync(u => u.Email == "ann@example.com"));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Find_first_many_stream_and_count(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        Assert.Equal(3, (await db.Users.FindManyAsync()).Count);
        Assert.Equal("bob", (await db.Users.Where(u => u.Age < 18).FindFirstAsync())!.Name);
        Assert.Null(await db.Users.Where(u => u.Age > 90).FindFirstAsync());
        var notFound = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.Where(u => u.Age > 90).FindFirstOrThrowAsync());
        Assert.Equal("P2025", notFound.Code);
        Assert.Equal("Ann", (await db.Users.OrderBy(u => u.Age.Desc(Nulls.Last)).FindFirstOrThrowAsync()).Name);

        var streamed = new List<string>();
        await foreach (var user in db.Users.OrderBy(u => u.Email))
            streamed.Add(user.Email);
        Assert.Equal(S("ann@example.com", "bob@example.com", "cid@example.org"), streamed);

        Assert.Equal(3, await db.Users.CountAsync());
        Assert.Equal(2, await db.Users.Where(u => u.Age != null).CountAsync());
        Assert.Equal(1, await db.Users.Skip(2).CountAsync());
        Assert.Equal(2, await db.Users.Take(2).CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Create_many_and_create_many_and_return(StrataProvider provider) => WithClient(provider, async db =>
    {
        var created = await db.Categories.CreateManyAsync([new CategoryCreate { Name = "a" }, new CategoryCreate { Name = "b" }, new CategoryCreate { Name = "c" }]);
        Assert.Equal(3, created);
        Assert.Equal(0, await db.Categories.CreateManyAsync([]));
        var skipped = await db.Categories.CreateManyAsync([new CategoryCreate { Name = "a" }, new CategoryCreate { Name = "d" }], skipDuplicates: true);
        Assert.Equal(1, skipped);
        await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Categories.CreateManyAsync([new CategoryCreate { Name = "e" }, new CategoryCreate { Name = "a" }]));
        Assert.Equal(4, await db.Categories.CountAsync()); // the failed batch left nothing behind

        var returned = await db.Tokens.CreateManyAndReturnAsync(Enumerable.Range(0, 250).Select(i => new TokenCreate { Label = "t" + i }));
        Assert.Equal(250, returned.Count);
        Assert.Equal(250, returned.Select(t => t.Cuid).Distinct().Count());
        Assert.All(returned, t => Assert.Equal(42, t.Count));
        var many = await db.Tokens.CreateManyAsync(Enumerable.Range(0, 2500).Select(i => new TokenCreate { Label = "bulk" }));
        Assert.Equal(2500, many);
        Assert.Equal(2500, await db.Tokens.Where(t => t.Label == "bulk").CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Update_update_many_and_update_many_and_return(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var ann = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        await Task.Delay(20);
        var updated = await db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Name = "Annie", Age = null });
        Assert.Equal(("Annie", (int?)null, 9.5), (updated.Name, updated.Age, updated.Score)); // unset members keep their values
        Assert.True(updated.UpdatedAt > ann.UpdatedAt);
        Assert.Equal(ann.CreatedAt, updated.CreatedAt);
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.UpdateAsync(u => u.Id == -5, new UserUpdate { Name = "x" }));
        Assert.Equal("P2025", missing.Code);

        Assert.Equal(2, await db.Posts.Where(p => p.Title.Contains("e")).UpdateManyAsync(new PostUpdate { Published = true }));
        Assert.Equal(2, await db.Posts.Where(p => p.Published).CountAsync());
        var returned = await db.Posts.Where(p => p.Views >= 3).UpdateManyAndReturnAsync(new PostUpdate { Rating = 4.5 });
        Assert.Equal(2, returned.Count);
        Assert.All(returned, p => Assert.Equal(4.5, p.Rating));
        Assert.Equal(0, await db.Posts.Where(p => p.Views > 1000).UpdateManyAsync(new PostUpdate { Rating = 1 }));
        await Assert.ThrowsAsync<StrataException>(() => db.Posts.Take(1).UpdateManyAsync(new PostUpdate { Rating = 1 }));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Upsert_creates_then_updates(StrataProvider provider) => WithClient(provider, async db =>
    {
        var first = await db.Categories.UpsertAsync(c => c.Name == "news", new CategoryCreate { Name = "news" }, new CategoryUpdate { Name = "news!" });
        Assert.Equal("news", first.Name);
        var second = await db.Categories.UpsertAsync(c => c.Name == "news", new CategoryCreate { Name = "news" }, new CategoryUpdate { Name = "news!" });
        Assert.Equal((first.Id, "news!"), (second.Id, second.Name));
        Assert.Equal(1, await db.Categories.CountAsync());

        // The criterion is not in the create data: found and updated, else created.
        var user = await db.Users.UpsertAsync(u => u.Id == 999, new UserCreate { Email = "u@example.com" }, new UserUpdate { Name = "never" });
        Assert.NotEqual(999, user.Id);
        var again = await db.Users.UpsertAsync(u => u.Id == user.Id, new UserCreate { Email = "other@example.com" }, new UserUpdate { Age = Op.Increment(2) });
        Assert.Equal((user.Id, (int?)null), (again.Id, again.Age)); // null + 2 stays null, as in SQL
        var membership = await db.Memberships.UpsertAsync(m => m.OrgIdUserKey(7, "k"), new MembershipCreate { OrgId = 7, UserKey = "k" }, new MembershipUpdate { Level = Op.Increment(1) });
        Assert.Equal(1, membership.Level);
        membership = await db.Memberships.UpsertAsync(m => m.OrgIdUserKey(7, "k"), new MembershipCreate { OrgId = 7, UserKey = "k" }, new MembershipUpdate { Level = Op.Increment(1) });
        Assert.Equal(2, membership.Level);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Delete_and_delete_many(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var cid = await db.Users.DeleteAsync(u => u.Email == "cid@example.org");
        Assert.Equal("cid@example.org", cid.Email);
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.DeleteAsync(u => u.Email == "cid@example.org"));
        Assert.Equal("P2025", missing.Code);
        Assert.Equal(2, await db.Posts.Where(p => p.Views < 5).DeleteManyAsync());
        Assert.Equal(1, await db.Posts.CountAsync());
        Assert.Equal(1, await db.Posts.DeleteManyAsync());
        Assert.Equal(0, await db.Posts.CountAsync());
    });
}
