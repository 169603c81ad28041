using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class UpsertManyTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Conflicts_on_the_primary_key_update_what_each_record_sets(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Memberships.CreateManyAsync([new MembershipCreate { OrgId = 1, UserKey = "a", Level = 5 }, new MembershipCreate { OrgId = 1, UserKey = "b" }]);
        int written = await db.Memberships.UpsertManyAsync(
        [
            new MembershipCreate { OrgId = 1, UserKey = "a", Level = 7 },  // conflicts: level becomes 7
            new MembershipCreate { OrgId = 1, UserKey = "b" },             // conflicts, sets nothing but its key: unchanged
            new MembershipCreate { OrgId = 2, UserKey = "a", Level = 3 },  // new
        ]);
        Assert.Equal(3, written);
        var rows = await db.Memberships.OrderBy(m => m.OrgId).OrderBy(m => m.UserKey).FindManyAsync();
        Assert.Equal(["1a7", "1b1", "2a3"], rows.Select(m => $"{m.OrgId}{m.UserKey}{m.Level}").ToArray());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_unique_constraint_and_chosen_fields(StrataProvider provider) => WithClient(provider, async db =>
    {
        var ann = await db.Users.CreateAsync(new UserCreate { Email = "ann@example.com", Name = "Ann", Age = 30 });
        await Task.Delay(5); // so @updatedAt moves
        var written = await db.Users.UpsertManyAndReturnAsync(
        [
            new UserCreate { Email = "ann@example.com", Name = "Annie", Age = 99, Score = 4 },
            new UserCreate { Email = "bob@example.com", Name = "Bob", Age = 17 },
        ], on: u => [u.Email], update: u => [u.Name, u.Score]);
        Assert.Equal(2, written.Count);
        var stored = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        Assert.Equal(ann.Id, stored.Id);            // updated in place, the key kept
        Assert.Equal("Annie", stored.Name);
        Assert.Equal(4, stored.Score);
        Assert.Equal(30, stored.Age);               // not chosen: kept
        Assert.Equal(ann.CreatedAt, stored.CreatedAt);
        Assert.True(stored.UpdatedAt > ann.UpdatedAt);
        var bob = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "bob@example.com");
        Assert.Equal(17, bob.Age);                  // a new record takes all its data
        Assert.Equal(new[] { ann.Id, bob.Id }.Order(), written.Select(u => u.Id).Order());
        Assert.Equal("Annie", written.Single(u => u.Id == ann.Id).Name);

        // Without chosen fields, a record's update writes what that record sets: the creation time
        // (a default) stays, Age set to null is written.
        await db.Users.UpsertManyAsync([new UserCreate { Email = "ann@example.com", Age = null }], on: u => [u.Email]);
        stored = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        Assert.Null(stored.Age);
        Assert.Equal("Annie", stored.Name);
        Assert.Equal(ann.CreatedAt, stored.CreatedAt);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Conflicting_records_can_take_fixed_changes_and_atomic_operations(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Memberships.CreateAsync(new MembershipCreate { OrgId = 1, UserKey = "a", Level = 5 });
        // A counter: new keys start at their data, a conflict increments what is stored (also twice in one call).
        var rows = await db.Memberships.UpsertManyAndReturnAsync(
        [
            new MembershipCreate { OrgId = 1, UserKey = "a", Level = 1 },
            new MembershipCreate { OrgId = 1, UserKey = "b", Level = 1 },
            new MembershipCreate { OrgId = 1, UserKey = "b", Level = 1 },
        ], on: null, onConflict: new MembershipUpdate { Level = Op.Increment(10) });
        Assert.Equal(3, rows.Count);
        var stored = await db.Memberships.OrderBy(m => m.UserKey).FindManyAsync();
        Assert.Equal(["a15", "b11"], stored.Select(m => m.UserKey + m.Level).ToArray());

        var ann = await db.Users.CreateAsync(new UserCreate { Email = "ann@example.com", Name = "Ann", Score = 2 });
        int written = await db.Users.UpsertManyAsync([new UserCreate { Email = "ann@example.com", Name = "ignored" }, new UserCreate { Email = "bob@example.com", Name = "Bob" }],
            on: u => [u.Email], onConflict: new UserUpdate { Score = Op.Multiply(3.0), Age = null });
        Assert.Equal(2, written);
        var stored2 = await db.Users.FindUniqueOrThrowAsync(u => u.Id == ann.Id);
        Assert.Equal(("Ann", 6.0), (stored2.Name, stored2.Score));
        Assert.Equal("Bob", (await db.Users.FindUniqueOrThrowAsync(u => u.Email == "bob@example.com")).Name);
        var nested = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpsertManyAsync([new UserCreate { Email = "c@example.com" }], on: u => [u.Email],
            onConflict: new UserUpdate { Profile = new() { Delete = true } }));
        Assert.Equal("P2009", nested.Code);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Records_with_the_same_key_apply_in_order(StrataProvider provider) => WithClient(provider, async db =>
    {
        // Two records with one key in one call (PostgreSQL refuses one statement that changes a row
        // twice): they go to separate statements, so the later updates what the earlier wrote.
        int written = await db.Users.UpsertManyAsync(
        [
            new UserCreate { Email = "x@example.com", Name = "first", Age = 1 },
            new UserCreate { Email = "y@example.com", Name = "other" },
            new UserCreate { Email = "x@example.com", Name = "second", Age = 2 },
            new UserCreate { Email = "x@example.com", Name = "third", Age = 3 },
        ], on: u => [u.Email], update: u => [u.Name]);
        Assert.Equal(4, written);
        var x = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "x@example.com");
        Assert.Equal("third", x.Name);
        Assert.Equal(1, x.Age); // created by the first record; the later ones update the name only
        Assert.Equal(2, await db.Users.CountAsync());

        var returned = await db.Memberships.UpsertManyAndReturnAsync(
            [new MembershipCreate { OrgId = 1, UserKey = "k", Level = 1 }, new MembershipCreate { OrgId = 1, UserKey = "k", Level = 2 }]);
        Assert.Equal([1, 2], returned.Select(m => m.Level).Order().ToArray()); // each as its own statement wrote it
        Assert.Equal(2, (await db.Memberships.FindUniqueOrThrowAsync(m => m.OrgIdUserKey(1, "k"))).Level);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Many_records_fill_several_statements(StrataProvider provider) => WithClient(provider, async db =>
    {
        // More values than one statement may bind on either provider (SQLite's statements take 64, PostgreSQL's 1000 rows).
        var first = Enumerable.Range(0, 1500).Select(i => new MembershipCreate { OrgId = i % 7, UserKey = $"u{i}", Level = 1 }).ToList();
        Assert.Equal(1500, await db.Memberships.UpsertManyAsync(first));
        var second = Enumerable.Range(1000, 1500).Select(i => new MembershipCreate { OrgId = i % 7, UserKey = $"u{i}", Level = 2 }).ToList();
        Assert.Equal(1500, await db.Memberships.UpsertManyAsync(second));
        Assert.Equal(2500, await db.Memberships.CountAsync());
        Assert.Equal(1000, await db.Memberships.Where(m => m.Level == 1).CountAsync());
        Assert.Equal(1500, await db.Memberships.Where(m => m.Level == 2).CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Hostile_strings_are_values(StrataProvider provider) => WithClient(provider, async db =>
    {
        string[] names = ["'); DROP TABLE \"Category\"; --", "excluded.\"name\"", "\" = excluded.id --", "ä\\n\u00e9\U0001F600", "%_\\"];
        await db.Categories.UpsertManyAsync(names.Select(n => new CategoryCreate { Name = n }), on: c => [c.Name]);
        var again = await db.Categories.UpsertManyAndReturnAsync(names.Select(n => new CategoryCreate { Name = n }), on: c => [c.Name]);
        Assert.Equal(names.Order(StringComparer.Ordinal), again.Select(c => c.Name).Order(StringComparer.Ordinal));
        var stored = await db.Categories.FindManyAsync();
        Assert.Equal(names.Length, stored.Count);
        Assert.Equal(stored.Select(c => c.Id).Order(), again.Select(c => c.Id).Order()); // the second call updated, created nothing
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Returned_records_take_the_querys_include_and_omit(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var users = await db.Users.Include(u => u.Posts).Omit(u => [u.Name])
            .UpsertManyAndReturnAsync([new UserCreate { Email = "ann@example.com", Age = 31 }, new UserCreate { Email = "new@example.com" }], on: u => [u.Email]);
        var ann = users.Single(u => u.Email == "ann@example.com");
        Assert.Equal(31, ann.Age);
        Assert.Null(ann.Name);
        Assert.Equal(2, ann.Posts!.Count);
        Assert.Empty(users.Single(u => u.Email == "new@example.com").Posts!);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Failures_roll_back_every_statement(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Users.CreateAsync(new UserCreate { Email = "taken@example.com" });
        var ids = await db.Users.FindManyAsync();
        // A clash on another unique constraint than the criterion, in the second statement of the call.
        var clash = await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Users.UpsertManyAsync(
        [
            new UserCreate { Id = 100, Email = "fresh@example.com" },
            new UserCreate { Id = 100, Email = "again@example.com" },
            new UserCreate { Id = 101, Email = "taken@example.com" },
        ]));
        Assert.Equal("P2002", clash.Code);
        Assert.Contains("email", clash.Fields);
        Assert.Single(await db.Users.FindManyAsync());

        var notUnique = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpsertManyAsync([new UserCreate { Email = "a@b.c" }], on: u => [u.Name]));
        Assert.Equal("P2009", notUnique.Code);
        var nested = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpsertManyAsync([new UserCreate { Email = "a@b.c", Profile = new() { Create = new ProfileCreate { Bio = "x" } } }], on: u => [u.Email]));
        Assert.Equal("P2009", nested.Code);
        var generated = await Assert.ThrowsAsync<StrataException>(() => db.Tokens.UpsertManyAsync([new TokenCreate { Cuid = "c" }], update: t => [t.Seq]));
        Assert.Equal("P2009", generated.Code);
        var filtered = await Assert.ThrowsAsync<StrataException>(() => db.Users.Where(u => u.Age > 3).UpsertManyAsync([new UserCreate { Email = "a@b.c" }]));
        Assert.Equal("P2009", filtered.Code);
        Assert.Equal(0, await db.Users.UpsertManyAsync([]));
    });
}
