using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class RelationTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Nested_creates_and_connects_in_one_transaction(StrataProvider provider) => WithClient(provider, async db =>
    {
        var news = await db.Categories.CreateAsync(new CategoryCreate { Name = "news" });
        var user = await db.Users.CreateAsync(new UserCreate
        {
            Email = "w@example.com",
            Profile = new() { Create = new ProfileCreate { Bio = "writes" } },
            Posts = new()
            {
                Create =
                [
                    new PostCreate { Title = "one", Categories = new() { Connect = [c => c.Name == "news"], Create = [new CategoryCreate { Name = "tech" }] } },
                    new PostCreate { Title = "two" },
                ],
            },
        });
        Assert.Null(user.Posts); // relations come back only when included

        var loaded = await db.Users.Include(u => u.Posts.OrderBy(p => p.Title).Include(p => p.Categories.OrderBy(c => c.Name))).Include(u => u.Profile)
            .FindUniqueOrThrowAsync(u => u.Id == user.Id);
        Assert.Equal("writes", loaded.Profile!.Bio);
        var posts = Assert.IsType<List<Post>>(loaded.Posts);
        Assert.Equal(S("one", "two"), posts.Select(p => p.Title).ToArray());
        Assert.Equal(S("news", "tech"), posts[0].Categories!.Select(c => c.Name).ToArray());
        Assert.Empty(posts[1].Categories!);

        // A to-one relation created or connected from the side that holds the foreign key.
        var post = await db.Posts.CreateAsync(new PostCreate { Title = "three", Author = new() { Connect = u => u.Email == "w@example.com" } });
        Assert.Equal(user.Id, post.AuthorId);
        var withNewAuthor = await db.Posts.Include(p => p.Author).CreateAsync(new PostCreate { Title = "four", Author = new() { Create = new UserCreate { Email = "new@example.com" } } });
        Assert.Equal("new@example.com", withNewAuthor.Author!.Email);

        // A failing nested write leaves nothing behind.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.CreateAsync(new UserCreate
        {
            Email = "rollback@example.com",
            Posts = new() { Create = [new PostCreate { Title = "lost", Categories = new() { Connect = [c => c.Name == "missing"] } }] },
        }));
        Assert.Null(await db.Users.FindUniqueAsync(u => u.Email == "rollback@example.com"));
        Assert.Equal(0, await db.Posts.Where(p => p.Title == "lost").CountAsync());
        // A create that neither sets the foreign key nor names the relation is refused before any SQL.
        var missing = await Assert.ThrowsAsync<StrataException>(() => db.Posts.CreateAsync(new PostCreate { Title = "orphan" }));
        Assert.Equal("P2012", missing.Code);
        Assert.Contains("authorId", missing.Message);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Includes_load_each_level_for_all_parents(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var users = await db.Users.Include(u => u.Posts.Where(p => p.Views > 0).OrderBy(p => p.Views.Desc()).Take(1)).OrderBy(u => u.Email).FindManyAsync();
        Assert.Equal(3, users.Count);
        Assert.Equal(S("Hello World"), users[0].Posts!.Select(p => p.Title).ToArray());
        Assert.Empty(users[1].Posts!);
        Assert.Empty(users[2].Posts!);
        var skipped = await db.Users.Include(u => u.Posts.OrderBy(p => p.Views).Skip(1)).FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        Assert.Equal(S("Hello World"), skipped.Posts!.Select(p => p.Title).ToArray());

        var posts = await db.Posts.Include(p => p.Author.Omit(a => [a.Email]).Include(a => a.Posts)).OrderBy(p => p.Title).FindManyAsync();
        Assert.All(posts, p => Assert.NotNull(p.Author));
        Assert.Null(posts[0].Author!.Email);
        Assert.Equal(2, posts.Single(p => p.Title == "Second").Author!.Posts!.Count);
        // Omitting the key an include joins on still loads the relation.
        var omitted = await db.Users.Omit(u => u.Id).Include(u => u.Posts).FindFirstOrThrowAsync();
        Assert.NotNull(omitted.Posts);
        // Streaming with includes, and includes of returned records of writes.
        await foreach (var user in db.Users.Include(u => u.Profile)) Assert.Null(user.Profile);
        var updated = await db.Users.Include(u => u.Posts).UpdateAsync(u => u.Email == "bob@example.com", new UserUpdate { Age = 18 });
        Assert.Single(updated.Posts!);
        var deleted = await db.Posts.Include(p => p.Author).DeleteAsync(p => p.Id == updated.Posts![0].Id);
        Assert.Equal("bob", deleted.Author!.Name);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Referential_actions_and_foreign_keys_are_enforced(StrataProvider provider) => WithClient(provider, async db =>
    {
        var user = await db.Users.CreateAsync(new UserCreate { Email = "p@example.com", Profile = new() { Create = new ProfileCreate { Bio = "b" } }, Posts = new() { Create = [new PostCreate { Title = "x" }] } });
        // Post.author has no onDelete: Restrict-like; Profile cascades.
        var blocked = await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => db.Users.DeleteAsync(u => u.Id == user.Id));
        Assert.Equal("P2003", blocked.Code);
        await db.Posts.DeleteManyAsync();
        await db.Users.DeleteAsync(u => u.Id == user.Id);
        Assert.Equal(0, await db.Profiles.CountAsync());
        var dangling = await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => db.Posts.CreateAsync(new PostCreate { Title = "y", AuthorId = 12345 }));
        if (provider == StrataProvider.PostgreSql) Assert.Equal(S("authorId"), dangling.Fields.ToArray());
    });
}
