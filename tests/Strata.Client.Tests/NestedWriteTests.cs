using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Nested writes per relation kind of the blog schema, in creates and updates, on both providers.</summary>
public class NestedWriteTests : ClientTest
{
    private static async Task<string[]> TitlesOf(BlogDb db, string email) =>
        (await db.Posts.Where(p => p.Author.Is(a => a.Email == email)).OrderBy(p => p.Title).FindManyAsync()).Select(p => p.Title).ToArray();

    private static async Task<string[]> CategoriesOf(BlogDb db, string postTitle) =>
        (await db.Categories.Where(c => c.Posts.Some(p => p.Title == postTitle)).OrderBy(c => c.Name).FindManyAsync()).Select(c => c.Name).ToArray();

    [Theory, MemberData(nameof(Providers))]
    public Task Create_takes_connect_or_create_and_create_many(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Categories.CreateAsync(new CategoryCreate { Name = "news" });
        var ann = await db.Users.Include(u => u.Posts).CreateAsync(new UserCreate
        {
            Email = "ann@example.com",
            Posts = new()
            {
                Create = [new PostCreate
                {
                    Title = "linked",
                    Categories = new()
                    {
                        ConnectOrCreate =
                        [
                            new() { Where = c => c.Name == "news", Create = new CategoryCreate { Name = "news" } },   // found: linked
                            new() { Where = c => c.Name == "tech", Create = new CategoryCreate { Name = "tech" } },   // missing: created
                        ],
                    },
                }],
                CreateMany = new() { Data = [new PostCreate { Title = "bulk 1" }, new PostCreate { Title = "bulk 2", Views = 4 }] },
            },
        });
        Assert.Equal(["bulk 1", "bulk 2", "linked"], ann.Posts!.Select(p => p.Title).Order().ToArray());
        Assert.Equal(["news", "tech"], await CategoriesOf(db, "linked"));
        Assert.Equal(2, await db.Categories.CountAsync());

        // A to-one connectOrCreate, from the side with the foreign key: found, then created.
        var found = await db.Posts.CreateAsync(new PostCreate { Title = "p", Author = new() { ConnectOrCreate = new() { Where = u => u.Email == "ann@example.com", Create = new UserCreate { Email = "ann@example.com" } } } });
        Assert.Equal(ann.Id, found.AuthorId);
        var made = await db.Posts.Include(p => p.Author).CreateAsync(new PostCreate { Title = "q", Author = new() { ConnectOrCreate = new() { Where = u => u.Email == "new@example.com", Create = new UserCreate { Email = "new@example.com", Name = "New" } } } });
        Assert.Equal("New", made.Author!.Name);
        Assert.Equal(2, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Update_of_a_one_to_many_list(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db); // ann: "Hello World" (10 views), "Second" (3); bob: "bob's draft"
        var bobsDraft = await db.Posts.Where(p => p.Title == "bob's draft").FindFirstOrThrowAsync();
        var second = await db.Posts.Where(p => p.Title == "Second").FindFirstOrThrowAsync();
        var ann = await db.Users.Include(u => u.Posts.OrderBy(p => p.Title)).UpdateAsync(u => u.Email == "ann@example.com", new UserUpdate
        {
            Name = "Ann B.",
            Posts = new()
            {
                Create = [new PostCreate { Title = "created" }],
                CreateMany = new() { Data = [new PostCreate { Title = "many 1" }, new PostCreate { Title = "many 2" }] },
                Connect = [p => p.Id == bobsDraft.Id],                                                     // moved from bob
                Update = [new() { Where = p => p.Id == second.Id, Data = new PostUpdate { Views = Op.Increment(1) } }],
                UpdateMany = [new() { Where = p => p.Views >= 10, Data = new PostUpdate { Published = false } }],
                Upsert = [new() { Where = p => p.Id == "missing", Create = new PostCreate { Title = "upserted" }, Update = new PostUpdate { Views = 99 } }],
            },
        });
        Assert.Equal("Ann B.", ann.Name);
        Assert.Equal(["Hello World", "Second", "bob's draft", "created", "many 1", "many 2", "upserted"], ann.Posts!.Select(p => p.Title).ToArray());
        Assert.Equal(4, ann.Posts!.Single(p => p.Title == "Second").Views);
        Assert.False(ann.Posts!.Single(p => p.Title == "Hello World").Published);
        Assert.Empty(await TitlesOf(db, "bob@example.com"));

        await db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate
        {
            Posts = new() { Delete = [p => p.Id == second.Id], DeleteMany = [p => p.Title.StartsWith("many")] },
        });
        Assert.Equal(["Hello World", "bob's draft", "created", "upserted"], await TitlesOf(db, "ann@example.com"));

        // The criteria of update and delete apply to this user's posts only.
        var bob = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "bob@example.com");
        var notHis = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.UpdateAsync(u => u.Id == bob.Id,
            new UserUpdate { Name = "rolled back", Posts = new() { Delete = [p => p.Id == bobsDraft.Id] } }));
        Assert.Equal("P2025", notHis.Code);
        Assert.Equal("User.posts > delete", notHis.Path);
        Assert.Equal("bob", (await db.Users.FindUniqueOrThrowAsync(u => u.Id == bob.Id)).Name);

        // A post's author is required: disconnecting posts, or a set that leaves some out, is P2014.
        var disconnect = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Posts = new() { Disconnect = [p => p.Id == bobsDraft.Id] } }));
        Assert.Equal("P2014", disconnect.Code);
        var set = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Posts = new() { Set = [p => p.Id == bobsDraft.Id] } }));
        Assert.Equal("P2014", set.Code);
        Assert.Equal(4, (await TitlesOf(db, "ann@example.com")).Length);
        // A set that keeps every post and adds one is allowed.
        var all = await db.Posts.FindManyAsync();
        await db.Users.UpdateAsync(u => u.Id == bob.Id, new UserUpdate { Posts = new() { Set = [p => p.Id == bobsDraft.Id] } });
        Assert.Equal(["bob's draft"], await TitlesOf(db, "bob@example.com"));
        Assert.Equal(all.Count, await db.Posts.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Update_of_an_implicit_many_to_many_list(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        await db.Categories.CreateManyAsync([new CategoryCreate { Name = "a" }, new CategoryCreate { Name = "b" }, new CategoryCreate { Name = "c" }]);
        var post = await db.Posts.Where(p => p.Title == "Second").FindFirstOrThrowAsync();
        await db.Posts.UpdateAsync(p => p.Id == post.Id, new PostUpdate
        {
            Categories = new()
            {
                Connect = [c => c.Name == "a", c => c.Name == "b"],
                Create = [new CategoryCreate { Name = "new" }],
                ConnectOrCreate = [new() { Where = c => c.Name == "c", Create = new CategoryCreate { Name = "c" } }],
            },
        });
        Assert.Equal(["a", "b", "c", "new"], await CategoriesOf(db, "Second"));

        await db.Posts.UpdateAsync(p => p.Id == post.Id, new PostUpdate
        {
            Categories = new()
            {
                Disconnect = [c => c.Name == "a"],
                Update = [new() { Where = c => c.Name == "b", Data = new CategoryUpdate { Name = "B" } }],
                UpdateMany = [new() { Where = c => c.Name == "c", Data = new CategoryUpdate { Name = "C" } }],
                Delete = [c => c.Name == "new"],
            },
        });
        Assert.Equal(["B", "C"], await CategoriesOf(db, "Second"));
        Assert.NotNull(await db.Categories.FindUniqueAsync(c => c.Name == "a"));      // unlinked, not deleted
        Assert.Null(await db.Categories.FindUniqueAsync(c => c.Name == "new"));       // deleted

        // An updateMany or deleteMany touches the linked records only; "a" is not linked.
        await db.Posts.UpdateAsync(p => p.Id == post.Id, new PostUpdate { Categories = new() { DeleteMany = [c => c.Name == "a" || c.Name == "C"] } });
        Assert.Equal(["B"], await CategoriesOf(db, "Second"));
        Assert.NotNull(await db.Categories.FindUniqueAsync(c => c.Name == "a"));

        await db.Posts.UpdateAsync(p => p.Id == post.Id, new PostUpdate
        {
            Categories = new() { Set = [c => c.Name == "a"], Upsert = [new() { Where = c => c.Name == "z", Create = new CategoryCreate { Name = "z" }, Update = new CategoryUpdate { Name = "never" } }] },
        });
        Assert.Equal(["a", "z"], await CategoriesOf(db, "Second"));
        await db.Posts.UpdateAsync(p => p.Id == post.Id, new PostUpdate { Categories = new() { Set = [] } });
        Assert.Empty(await CategoriesOf(db, "Second"));
        // The other side of the relation works the same way.
        await db.Categories.UpdateAsync(c => c.Name == "a", new CategoryUpdate { Posts = new() { Connect = [p => p.Id == post.Id] } });
        Assert.Equal(["a"], await CategoriesOf(db, "Second"));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Posts.UpdateAsync(p => p.Id == post.Id, new PostUpdate { Categories = new() { Connect = [c => c.Name == "nope"] } }));
        Assert.Equal("Post.categories > connect", missing.Path);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Update_of_a_required_to_one_from_the_foreign_key_side(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var post = await db.Posts.Where(p => p.Title == "Second").FindFirstOrThrowAsync();
        var moved = await db.Posts.Include(p => p.Author).UpdateAsync(p => p.Id == post.Id, new PostUpdate { Author = new() { Connect = u => u.Email == "bob@example.com" } });
        Assert.Equal("bob", moved.Author!.Name);
        moved = await db.Posts.Include(p => p.Author).UpdateAsync(p => p.Id == post.Id, new PostUpdate { Author = new() { Update = new UserUpdate { Name = "Bobby" } } });
        Assert.Equal("Bobby", moved.Author!.Name);
        moved = await db.Posts.Include(p => p.Author).UpdateAsync(p => p.Id == post.Id, new PostUpdate { Author = new() { Create = new UserCreate { Email = "dan@example.com" } } });
        Assert.Equal("dan@example.com", moved.Author!.Email);
        moved = await db.Posts.Include(p => p.Author).UpdateAsync(p => p.Id == post.Id, new PostUpdate
        {
            Author = new() { ConnectOrCreate = new() { Where = u => u.Email == "cid@example.org", Create = new UserCreate { Email = "cid@example.org" } } },
        });
        Assert.Equal(Role.Editor, moved.Author!.Role);
        moved = await db.Posts.Include(p => p.Author).UpdateAsync(p => p.Id == post.Id, new PostUpdate
        {
            Author = new() { Upsert = new() { Create = new UserCreate { Email = "never@example.com" }, Update = new UserUpdate { Age = 44 } } },
        });
        Assert.Equal(44, moved.Author!.Age);
        Assert.Equal(4, await db.Users.CountAsync());
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Posts.UpdateAsync(p => p.Id == post.Id, new PostUpdate { Title = "x", Author = new() { Connect = u => u.Email == "none" } }));
        Assert.Equal("Post.author > connect", missing.Path);
        Assert.Equal("Second", (await db.Posts.FindUniqueOrThrowAsync(p => p.Id == post.Id)).Title);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Update_of_a_one_to_one_from_the_side_without_the_foreign_key(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var ann = await db.Users.Include(u => u.Profile).UpdateAsync(u => u.Email == "ann@example.com", new UserUpdate { Profile = new() { Create = new ProfileCreate { Bio = "first" } } });
        Assert.Equal("first", ann.Profile!.Bio);
        ann = await db.Users.Include(u => u.Profile).UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Profile = new() { Update = new ProfileUpdate { Bio = "second" } } });
        Assert.Equal("second", ann.Profile!.Bio);
        ann = await db.Users.Include(u => u.Profile).UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Profile = new() { Upsert = new() { Create = new ProfileCreate { Bio = "no" }, Update = new ProfileUpdate { Bio = "third" } } } });
        Assert.Equal("third", ann.Profile!.Bio);

        // The profile's user is required: replacing or disconnecting it would leave a profile without a user.
        var replace = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Profile = new() { Create = new ProfileCreate { Bio = "other" } } }));
        Assert.Equal("P2014", replace.Code);
        Assert.Equal("User.profile", replace.Path);
        var disconnect = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Profile = new() { Disconnect = true } }));
        Assert.Equal("P2014", disconnect.Code);

        var bob = await db.Users.Include(u => u.Profile).UpdateAsync(u => u.Email == "bob@example.com", new UserUpdate { Profile = new() { Upsert = new() { Create = new ProfileCreate { Bio = "bob's" }, Update = new ProfileUpdate { Bio = "no" } } } });
        Assert.Equal("bob's", bob.Profile!.Bio);
        ann = await db.Users.Include(u => u.Profile).UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Profile = new() { Delete = true } });
        Assert.Null(ann.Profile);
        Assert.Equal(1, await db.Profiles.CountAsync());
        var none = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Profile = new() { Update = new ProfileUpdate { Bio = "x" } } }));
        Assert.Equal("P2025", none.Code);
        // From the profile's side (it holds the foreign key): move bob's profile to ann.
        var moved = await db.Profiles.Include(p => p.User).UpdateAsync(p => p.Id == bob.Profile.Id, new ProfileUpdate { User = new() { Connect = u => u.Id == ann.Id } });
        Assert.Equal(ann.Id, moved.User!.Id);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_failure_deep_in_the_graph_rolls_everything_back_and_says_where(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        await db.Categories.CreateAsync(new CategoryCreate { Name = "taken" });
        var ann = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        var hello = await db.Posts.Where(p => p.Title == "Hello World").FindFirstOrThrowAsync();

        var clash = await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate
        {
            Name = "changed",
            Posts = new()
            {
                Create = [new PostCreate { Title = "kept?" }],
                Update = [new() { Where = p => p.Id == hello.Id, Data = new PostUpdate { Title = "renamed", Categories = new() { Create = [new CategoryCreate { Name = "taken" }] } } }],
            },
        }));
        Assert.Equal("P2002", clash.Code);
        Assert.Equal("User.posts > update > Post.categories > create", clash.Path);
        Assert.Contains("(at User.posts > update", clash.Message);
        Assert.Equal("Ann", (await db.Users.FindUniqueOrThrowAsync(u => u.Id == ann.Id)).Name);
        Assert.Equal(["Hello World", "Second"], await TitlesOf(db, "ann@example.com"));

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.CreateAsync(new UserCreate
        {
            Email = "new@example.com",
            Posts = new() { Create = [new PostCreate { Title = "t", Categories = new() { Connect = [c => c.Name == "missing"] } }] },
        }));
        Assert.Equal("User.posts > create > Post.categories > connect", missing.Path);
        Assert.Null(await db.Users.FindUniqueAsync(u => u.Email == "new@example.com"));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Nested_create_many_skips_duplicates_when_asked_and_a_taken_one_to_one_partner_is_refused(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var hello = await db.Posts.Where(p => p.Title == "Hello World").FindFirstOrThrowAsync();
        var bob = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "bob@example.com");
        await db.Users.UpdateAsync(u => u.Id == bob.Id, new UserUpdate
        {
            Posts = new() { CreateMany = new() { Data = [new PostCreate { Id = hello.Id, Title = "dup" }, new PostCreate { Title = "fresh" }], SkipDuplicates = true } },
        });
        Assert.Equal(["bob's draft", "fresh"], await TitlesOf(db, "bob@example.com"));
        Assert.Equal("Hello World", (await db.Posts.FindUniqueOrThrowAsync(p => p.Id == hello.Id)).Title);
        var clash = await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Users.UpdateAsync(u => u.Id == bob.Id, new UserUpdate
        {
            Posts = new() { CreateMany = new() { Data = [new PostCreate { Title = "lost" }, new PostCreate { Id = hello.Id, Title = "dup" }] } },
        }));
        Assert.Equal("User.posts > createMany", clash.Path);
        Assert.Equal(0, await db.Posts.Where(p => p.Title == "lost").CountAsync());
        var nested = await Assert.ThrowsAsync<StrataException>(() => db.Users.UpdateAsync(u => u.Id == bob.Id, new UserUpdate
        {
            Posts = new() { CreateMany = new() { Data = [new PostCreate { Title = "t", Categories = new() { Create = [new CategoryCreate { Name = "c" }] } }] } },
        }));
        Assert.Equal("P2009", nested.Code);

        // A profile belongs to one user, and its user is required: a second profile for bob is P2014.
        await db.Profiles.CreateAsync(new ProfileCreate { Bio = "bob's", User = new() { Connect = u => u.Id == bob.Id } });
        var taken = await Assert.ThrowsAsync<StrataException>(() => db.Profiles.CreateAsync(new ProfileCreate { Bio = "second", User = new() { Connect = u => u.Id == bob.Id } }));
        Assert.Equal("P2014", taken.Code);
        Assert.Equal("Profile.user", taken.Path);
        Assert.Equal(1, await db.Profiles.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Upsert_takes_nested_writes_in_both_parts(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Categories.CreateAsync(new CategoryCreate { Name = "news" });
        PostCreate Create() => new() { Title = "created", Author = new() { Create = new UserCreate { Email = "a@example.com" } }, Categories = new() { Connect = [c => c.Name == "news"] } };
        var created = await db.Posts.UpsertAsync(p => p.Id == "p1", Create(), new PostUpdate());
        Assert.Equal(["news"], await CategoriesOf(db, "created"));
        var updated = await db.Posts.Include(p => p.Categories).UpsertAsync(p => p.Id == created.Id, Create(),
            new PostUpdate { Title = "updated", Categories = new() { Disconnect = [c => c.Name == "news"], Create = [new CategoryCreate { Name = "tech" }] } });
        Assert.Equal("updated", updated.Title);
        Assert.Equal(["tech"], updated.Categories!.Select(c => c.Name).ToArray());
        Assert.Equal(1, await db.Users.CountAsync());
    });
}
