using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class OrderAndPagingTests : ClientTest
{
    private static async Task SeedNumbersAsync(BlogDb db)
    {
        // Ten categories, and posts whose ratings repeat and include nulls.
        await db.Categories.CreateManyAsync(Enumerable.Range(1, 10).Select(i => new CategoryCreate { Name = $"c{i:00}" }));
        var user = await db.Users.CreateAsync(new UserCreate { Email = "o@example.com" });
        double?[] ratings = [3, null, 1, 3, 2, null];
        await db.Posts.CreateManyAsync(ratings.Select((r, i) => new PostCreate { Title = $"p{i}", Rating = r, Views = i, AuthorId = user.Id }));
    }

    [Theory, MemberData(nameof(Providers))]
    public Task Order_by_several_fields_with_nulls_first_or_last(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedNumbersAsync(db);
        var titles = async (Func<PostQuery, PostQuery> order) => (await order(db.Posts).FindManyAsync()).Select(p => p.Title).ToArray();
        Assert.Equal(S("p2", "p4", "p0", "p3", "p1", "p5"), await titles(q => q.OrderBy(p => p.Rating.Asc(Nulls.Last)).OrderBy(p => p.Views.Asc())));
        Assert.Equal(S("p5", "p1", "p3", "p0", "p4", "p2"), await titles(q => q.OrderBy(p => p.Rating.Desc(Nulls.First)).OrderBy(p => p.Views.Desc())));
        Assert.Equal(S("p1", "p5", "p2", "p4", "p0", "p3"), await titles(q => q.OrderBy(p => p.Rating.Asc(Nulls.First)).OrderBy(p => p.Title)));
        Assert.Equal(S("p0", "p3", "p4", "p2", "p1", "p5"), await titles(q => q.OrderBy(p => p.Rating.Desc(Nulls.Last)).OrderBy(p => p.Views)));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Skip_take_and_backward_take(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedNumbersAsync(db);
        var names = async (CategoryQuery q) => string.Join(",", (await q.FindManyAsync()).Select(c => c.Name));
        Assert.Equal("c03,c04,c05", await names(db.Categories.OrderBy(c => c.Name).Skip(2).Take(3)));
        Assert.Equal("c09,c10", await names(db.Categories.OrderBy(c => c.Name).Skip(8)));
        Assert.Equal("c08,c09,c10", await names(db.Categories.OrderBy(c => c.Name).Take(-3)));
        Assert.Equal("c06,c07", await names(db.Categories.OrderBy(c => c.Name).Skip(3).Take(-2)));
        Assert.Equal("", await names(db.Categories.Take(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => db.Categories.Skip(-1));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Cursor_pagination(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedNumbersAsync(db);
        var all = await db.Categories.OrderBy(c => c.Id).FindManyAsync();
        var pages = new List<string>();
        int? cursor = null;
        while (true)
        {
            var query = db.Categories.OrderBy(c => c.Id).Take(4);
            if (cursor is int id) query = query.Cursor(c => c.Id == id).Skip(1);
            var page = await query.FindManyAsync();
            if (page.Count == 0) break;
            pages.Add(string.Join(",", page.Select(c => c.Name)));
            cursor = page[^1].Id;
        }
        Assert.Equal(S("c01,c02,c03,c04", "c05,c06,c07,c08", "c09,c10"), pages);
        // Backward from a cursor, and a cursor in a descending order by another unique field.
        var before = await db.Categories.OrderBy(c => c.Id).Cursor(c => c.Id == all[5].Id).Take(-3).FindManyAsync();
        Assert.Equal("c04,c05,c06", string.Join(",", before.Select(c => c.Name)));
        var desc = await db.Categories.OrderBy(c => c.Name.Desc()).Cursor(c => c.Name == "c03").FindManyAsync();
        Assert.Equal("c03,c02,c01", string.Join(",", desc.Select(c => c.Name)));
        Assert.Empty(await db.Categories.Cursor(c => c.Name == "missing").FindManyAsync());
        // Ties in the order are broken by the cursor's unique field.
        var posts = await db.Posts.OrderBy(p => p.Rating.Asc(Nulls.Last)).FindManyAsync();
        var fromTie = await db.Posts.OrderBy(p => p.Rating.Asc(Nulls.Last)).Cursor(p => p.Id == posts[2].Id).Take(2).FindManyAsync();
        Assert.Equal(posts[2].Id, fromTie[0].Id);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Distinct_and_omit(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedNumbersAsync(db);
        var distinct = await db.Posts.Distinct(p => p.Rating).OrderBy(p => p.Rating.Asc(Nulls.First)).OrderBy(p => p.Views.Desc()).FindManyAsync();
        Assert.Equal(S("p5", "p2", "p4", "p3"), distinct.Select(p => p.Title).ToArray()); // first of each rating, in the order
        Assert.Equal(4, await db.Posts.Distinct(p => p.Rating).CountAsync());
        Assert.Equal(2, (await db.Posts.Distinct(p => [p.Rating, p.Published]).Where(p => p.Rating > 1).FindManyAsync()).Count);
        Assert.Single(await db.Posts.Distinct(p => p.Rating).OrderBy(p => p.Views).Skip(1).Take(1).FindManyAsync());

        var omitted = await db.Users.Omit(u => [u.Email, u.CreatedAt]).FindFirstOrThrowAsync();
        Assert.Null(omitted.Email);
        Assert.Equal(default, omitted.CreatedAt);
        Assert.True(omitted.Id > 0);
        var one = await db.Users.Omit(u => u.Name).FindUniqueOrThrowAsync(u => u.Email == "o@example.com");
        Assert.Equal("o@example.com", one.Email);
    });
}
