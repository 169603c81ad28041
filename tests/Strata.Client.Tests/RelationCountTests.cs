using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Relation counts (Prisma's _count): one grouped statement per counted relation, equal to the lengths of the same relations included.</summary>
public class RelationCountTests : ClientTest
{
    private static async Task SeedCategoriesAsync(BlogDb db)
    {
        await SeedAsync(db);
        await db.Categories.CreateManyAsync([new CategoryCreate { Name = "news" }, new CategoryCreate { Name = "tech" }, new CategoryCreate { Name = "empty" }]);
        var hello = await db.Posts.FindFirstOrThrowAsync();
        await db.Posts.CreateAsync(new PostCreate
        {
            Title = "Tagged", Views = 50, Published = true, Author = new() { Connect = u => u.Email == "bob@example.com" },
            Categories = new() { Connect = [c => c.Name == "news", c => c.Name == "tech"] },
        });
        await db.Posts.CreateAsync(new PostCreate { Title = "News only", AuthorId = hello.AuthorId, Categories = new() { Connect = [c => c.Name == "news"] } });
    }

    [Theory, MemberData(nameof(Providers))]
    public Task Counts_of_one_to_many_and_many_to_many_relations_equal_the_included_lists(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedCategoriesAsync(db);
        var users = await db.Users.OrderBy(u => u.Id).IncludeCount(u => u.Posts).Include(u => u.Posts).FindManyAsync();
        Assert.All(users, u => Assert.Equal(u.Posts!.Count, u.RelationCounts!.Posts));
        Assert.Contains(users, u => u.RelationCounts!.Posts == 0);

        var published = await db.Users.OrderBy(u => u.Id).IncludeCount(u => u.Posts.Where(p => p.Published)).FindManyAsync();
        Assert.Equal(users.Select(u => u.Posts!.Count(p => p.Published)), published.Select(u => u.RelationCounts!.Posts!.Value));
        Assert.All(published, u => Assert.Null(u.Posts)); // counted, not loaded

        var categories = await db.Categories.OrderBy(c => c.Name).IncludeCount(c => c.Posts).Include(c => c.Posts).FindManyAsync();
        Assert.Equal(categories.Select(c => c.Posts!.Count), categories.Select(c => c.RelationCounts!.Posts!.Value));
        Assert.Equal([0, 2, 1], categories.Select(c => c.RelationCounts!.Posts!.Value));
        var popular = await db.Categories.OrderBy(c => c.Name).IncludeCount(c => c.Posts.Where(p => p.Views > 10)).FindManyAsync();
        Assert.Equal(categories.Select(c => c.Posts!.Count(p => p.Views > 10)), popular.Select(c => c.RelationCounts!.Posts!.Value));

        var nested = await db.Users.OrderBy(u => u.Id).Include(u => u.Posts.OrderBy(p => p.Title).IncludeCount(p => p.Categories)).FindManyAsync();
        var posts = await db.Posts.Include(p => p.Categories).FindManyAsync();
        Assert.All(nested.SelectMany(u => u.Posts!), p => Assert.Equal(posts.Single(x => x.Id == p.Id).Categories!.Count, p.RelationCounts!.Categories));

        var one = await db.Users.IncludeCount(u => u.Posts).FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        Assert.Equal(users.Single(u => u.Email == "ann@example.com").Posts!.Count, one.RelationCounts!.Posts);
        var created = await db.Users.IncludeCount(u => u.Posts).CreateAsync(new UserCreate { Email = "new@example.com", Posts = new() { Create = [new PostCreate { Title = "x" }] } });
        Assert.Equal(1, created.RelationCounts!.Posts);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Counting_a_to_one_relation_or_paging_a_count_is_a_clear_error(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        Assert.Throws<StrataException>(() => db.Posts.IncludeCount(p => p.Author));
        var paged = Assert.Throws<StrataException>(() => db.Users.IncludeCount(u => u.Posts.Take(1)));
        Assert.Contains("takes a Where only", paged.Message);
        Assert.Null((await db.Users.FindFirstOrThrowAsync()).RelationCounts);
    });
}

/// <summary>Ordering by a relation: a to-many relation's count, and a to-one relation's field (nested), each equal to LINQ's order of the same records.</summary>
public class RelationOrderTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Records_order_by_a_relations_count_and_a_related_records_field(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        await db.Categories.CreateManyAsync([new CategoryCreate { Name = "news" }, new CategoryCreate { Name = "tech" }, new CategoryCreate { Name = "empty" }]);
        await db.Posts.CreateAsync(new PostCreate { Title = "Tagged", AuthorId = (await db.Users.FindUniqueOrThrowAsync(u => u.Email == "bob@example.com")).Id, Categories = new() { Connect = [c => c.Name == "news", c => c.Name == "tech"] } });
        await db.Posts.CreateAsync(new PostCreate { Title = "News", AuthorId = (await db.Users.FindUniqueOrThrowAsync(u => u.Email == "cid@example.org")).Id, Categories = new() { Connect = [c => c.Name == "news"] } });
        var users = await db.Users.Include(u => u.Posts).FindManyAsync();
        var posts = await db.Posts.Include(p => p.Author).Include(p => p.Categories).FindManyAsync();
        var categories = await db.Categories.Include(c => c.Posts).FindManyAsync();

        var byPosts = await db.Users.OrderBy(u => u.Posts.Count().Desc()).OrderBy(u => u.Email).FindManyAsync();
        Assert.Equal(users.OrderByDescending(u => u.Posts!.Count).ThenBy(u => u.Email, StringComparer.Ordinal).Select(u => u.Id), byPosts.Select(u => u.Id));

        var byTags = await db.Categories.OrderBy(c => c.Posts.Count()).OrderBy(c => c.Name).FindManyAsync();
        Assert.Equal(categories.OrderBy(c => c.Posts!.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name), byTags.Select(c => c.Name));

        var byAuthor = await db.Posts.OrderBy(p => p.Author.By(a => a.Email.Desc())).OrderBy(p => p.Title).FindManyAsync();
        Assert.Equal(posts.OrderByDescending(p => p.Author!.Email, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal).Select(p => p.Id), byAuthor.Select(p => p.Id));

        var byAuthorsPosts = await db.Posts.OrderBy(p => p.Author.By(a => a.Posts.Count().Desc())).OrderBy(p => p.Title).Skip(1).Take(3).FindManyAsync();
        Assert.Equal(posts.OrderByDescending(p => users.Single(u => u.Id == p.AuthorId).Posts!.Count).ThenBy(p => p.Title, StringComparer.Ordinal).Skip(1).Take(3).Select(p => p.Id),
            byAuthorsPosts.Select(p => p.Id));

        var nested = await db.Users.OrderBy(u => u.Id).Include(u => u.Posts.OrderBy(p => p.Categories.Count().Desc()).OrderBy(p => p.Title)).FindManyAsync();
        Assert.All(nested, u => Assert.Equal(
            posts.Where(p => p.AuthorId == u.Id).OrderByDescending(p => p.Categories!.Count).ThenBy(p => p.Title, StringComparer.Ordinal).Select(p => p.Id),
            u.Posts!.Select(p => p.Id)));

        var oldest = await db.Users.OrderBy(u => u.Posts.Count().Desc()).OrderBy(u => u.Id).AggregateAsync(a => a.Count());
        Assert.Equal(users.Count, oldest);
        var error = await Assert.ThrowsAsync<StrataException>(() => db.Users.OrderBy(u => u.Posts.Count()).Cursor(u => u.Id == 1).FindManyAsync());
        Assert.Contains("cursor pages by", error.Message);
    });
}
