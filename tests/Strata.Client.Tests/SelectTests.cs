using Microsoft.Extensions.Logging;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Select (Prisma's select): only the fields and relations the lambda reads are read, and the results equal LINQ's projection of the full records.</summary>
public class SelectTests : ClientTest
{
    private sealed record Card(string Email, int? Age);

    private static async Task SeedTaggedAsync(BlogDb db)
    {
        await SeedAsync(db);
        await db.Categories.CreateManyAsync([new CategoryCreate { Name = "news" }, new CategoryCreate { Name = "tech" }]);
        await db.Posts.CreateAsync(new PostCreate
        {
            Title = "Tagged", Views = 50, Published = true, Author = new() { Connect = u => u.Email == "ann@example.com" },
            Categories = new() { Connect = [c => c.Name == "news", c => c.Name == "tech"] },
        });
        await db.Profiles.CreateAsync(new ProfileCreate { Bio = "Writes a lot", User = new() { Connect = u => u.Email == "ann@example.com" } });
    }

    private static (ListLoggerProvider Log, StrataOptions Options) Logged()
    {
        var log = new ListLoggerProvider();
        return (log, new StrataOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(log)) });
    }

    /// <summary>The one logged statement that reads <paramref name="table"/> after <paramref name="from"/> messages.</summary>
    private static string SelectOf(ListLoggerProvider log, int from, string table) =>
        Assert.Single(log.Messages.Skip(from), m => m.Contains("SELECT") && (m.Contains($"FROM \"{table}\"") || m.Contains($"FROM `{table}`")));

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_selected_columns_are_read_into_anonymous_types_tuples_and_records(StrataProvider provider)
    {
        var (log, options) = Logged();
        await WithClient(provider, async db =>
        {
            await SeedAsync(db);
            var users = await db.Users.OrderBy(u => u.Id).FindManyAsync();

            int from = log.Messages.Count;
            var anonymous = await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.Email }).FindManyAsync();
            Assert.Equal(users.Select(u => new { u.Id, u.Email }), anonymous);
            var sql = SelectOf(log, from, "users");
            Assert.Contains(Quoted(provider, "email"), sql);
            Assert.DoesNotContain(Quoted(provider, "name"), sql);
            Assert.DoesNotContain(Quoted(provider, "settings"), sql);
            Assert.DoesNotContain(Quoted(provider, "avatar"), sql);

            var tuples = await db.Users.Where(u => u.Age != null).OrderBy(u => u.Age.Desc()).Select(u => (u.Name, u.Age)).FindManyAsync();
            Assert.Equal(users.Where(u => u.Age != null).OrderByDescending(u => u.Age).Select(u => (u.Name, u.Age)), tuples);

            var cards = await db.Users.OrderBy(u => u.Email).Skip(1).Take(1).Select(u => new Card(u.Email, u.Age)).FindManyAsync();
            Assert.Equal([new Card("bob@example.com", 17)], cards);

            var computed = await db.Users.OrderBy(u => u.Id).Select(u => u.Email.ToUpperInvariant() + ":" + (u.Name ?? "-")).FindManyAsync();
            Assert.Equal(users.Select(u => u.Email.ToUpperInvariant() + ":" + (u.Name ?? "-")), computed);
        }, options);
    }

    [Theory, MemberData(nameof(Providers))]
    public Task Nested_relations_with_their_own_where_order_and_paging_and_counts_equal_linq_over_included_records(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedTaggedAsync(db);
        var full = await db.Users.OrderBy(u => u.Id)
            .Include(u => u.Posts.Include(p => p.Categories)).Include(u => u.Profile).FindManyAsync();

        var selected = await db.Users.OrderBy(u => u.Id).Select(u => new
        {
            u.Email,
            Top = u.Posts.Where(p => p.Views > 0).OrderBy(p => p.Views.Desc()).Take(2).Select(p => new { p.Title, Tags = p.Categories.OrderBy(c => c.Name).Select(c => c.Name) }),
            Published = u.Posts.Where(p => p.Published).Count(),
            Bio = u.Profile.Select(p => p.Bio),
        }).FindManyAsync();

        var expected = full.Select(u => new
        {
            u.Email,
            Top = u.Posts!.Where(p => p.Views > 0).OrderByDescending(p => p.Views).Take(2)
                .Select(p => new { p.Title, Tags = p.Categories!.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToList() }).ToList(),
            Published = u.Posts!.Count(p => p.Published),
            Bio = u.Profile?.Bio,
        }).ToList();
        Assert.Equal(expected.Count, selected.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Email, selected[i].Email);
            Assert.Equal(expected[i].Published, selected[i].Published);
            Assert.Equal(expected[i].Bio, selected[i].Bio);
            Assert.Equal(expected[i].Top.Select(p => p.Title), selected[i].Top.Select(p => p.Title));
            Assert.Equal(expected[i].Top.Select(p => p.Tags), selected[i].Top.Select(p => p.Tags));
        }
        Assert.Contains(selected, u => u.Top.Any(p => p.Tags.Count == 2));

        // From the other side: a required to-one relation, nested back to a list.
        var posts = await db.Posts.OrderBy(p => p.Title).Select(p => new { p.Title, Author = p.Author.Select(a => new { a.Email, Others = a.Posts.Count() }) }).FindManyAsync();
        var allPosts = await db.Posts.OrderBy(p => p.Title).Include(p => p.Author.Include(a => a.Posts)).FindManyAsync();
        Assert.Equal(allPosts.Select(p => (p.Title, p.Author!.Email, p.Author.Posts!.Count)), posts.Select(p => (p.Title, p.Author!.Email, p.Author.Others)));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Find_first_find_unique_and_streaming_project_too(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var ann = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        Assert.Equal((ann.Id, "Ann"), await db.Users.Select(u => (u.Id, u.Name)).FindUniqueOrThrowAsync(u => u.Email == "ann@example.com"));
        Assert.Null(await db.Users.Select(u => u.Name).FindUniqueAsync(u => u.Email == "nobody@example.com"));
        Assert.Null(await db.Users.Where(u => u.Age > 100).Select(u => u.Name).FindUniqueAsync(u => u.Email == "ann@example.com")); // the Where still applies
        await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.Select(u => u.Id).FindUniqueOrThrowAsync(u => u.Email == "nobody@example.com"));
        Assert.Equal("bob@example.com", await db.Users.Where(u => u.Age != null).OrderBy(u => u.Age).Select(u => u.Email).FindFirstAsync());
        Assert.Null(await db.Users.Where(u => u.Age > 100).Select(u => new { u.Email }).FindFirstAsync());
        await Assert.ThrowsAsync<RecordNotFoundException>(() => db.Users.Where(u => u.Age > 100).Select(u => u.Id).FindFirstOrThrowAsync());

        var query = db.Users.OrderBy(u => u.Email).Select(u => new { u.Email, Posts = u.Posts.OrderBy(p => p.Title).Select(p => p.Title) });
        var streamed = new List<string>();
        await foreach (var u in query) streamed.Add(u.Email + "=" + string.Join(",", u.Posts));
        var listed = (await query.FindManyAsync()).Select(u => u.Email + "=" + string.Join(",", u.Posts));
        Assert.Equal(listed, streamed);
        Assert.Equal("ann@example.com=Hello World,Second", streamed[0]);

        var plain = new List<int>();
        await foreach (var id in db.Users.OrderBy(u => u.Id).Select(u => u.Id)) plain.Add(id); // no relation: read as the rows come
        Assert.Equal((await db.Users.OrderBy(u => u.Id).FindManyAsync()).Select(u => u.Id), plain);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Distinct_and_cursor_work_on_fields_that_are_not_selected(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var posts = await db.Posts.FindManyAsync();
        var perAuthor = await db.Posts.Distinct(p => p.AuthorId).OrderBy(p => p.Title).Select(p => p.Title).FindManyAsync();
        Assert.Equal(posts.GroupBy(p => p.AuthorId).Count(), perAuthor.Count);
        var ordered = posts.OrderBy(p => p.Views).ToList();
        var page = await db.Posts.OrderBy(p => p.Views).Cursor(p => p.Id == ordered[1].Id).Select(p => p.Title).FindManyAsync();
        Assert.Equal(ordered.Skip(1).Select(p => p.Title), page);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Misuse_is_a_clear_error_naming_the_model_and_member(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        // A field read only for some records was not read from the database: an error, never a silent default.
        var conditional = await Assert.ThrowsAsync<StrataException>(() => db.Users.OrderBy(u => u.Id).Select(u => u.Id == 0 ? u.Email : u.Name).FindManyAsync());
        Assert.Equal(ErrorCodes.InvalidQuery, conditional.Code);
        Assert.Contains("User.name", conditional.Message);
        Assert.Contains("not when it was recorded", conditional.Message);

        var twice = Assert.Throws<StrataException>(() => db.Users.Select(u => new { A = u.Posts.Select(p => p.Id), B = u.Posts.Select(p => p.Title) }));
        Assert.Contains("User.posts is selected twice", twice.Message);
        var withInclude = Assert.Throws<StrataException>(() => db.Users.Include(u => u.Posts).Select(u => u.Id));
        Assert.Contains("does not combine with Include", withInclude.Message);
        var empty = Assert.Throws<StrataException>(() => db.Users.Select(u => 1));
        Assert.Contains("reads no field", empty.Message);
        var countedTwice = Assert.Throws<StrataException>(() => db.Users.Select(u => new { All = u.Posts.Count(), Published = u.Posts.Where(p => p.Published).Count() }));
        Assert.Contains("count of User.posts is selected twice", countedTwice.Message);
        var pagedCount = Assert.Throws<StrataException>(() => db.Users.Select(u => u.Posts.Take(1).Count()));
        Assert.Contains("takes a Where only", pagedCount.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => db.Users.Select(u => u.Posts.Take(-1).Select(p => p.Id)));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Hostile_strings_travel_as_parameters_through_nested_selects(StrataProvider provider) => WithClient(provider, async db =>
    {
        var author = await db.Users.CreateAsync(new UserCreate { Email = "hostile@example.com" });
        await db.Posts.CreateManyAsync(HostileStringTests.CorpusFor(provider).Select(v => new PostCreate { Title = v, AuthorId = author.Id }));
        foreach (var value in HostileStringTests.CorpusFor(provider))
        {
            var found = await db.Users.Select(u => u.Posts.Where(p => p.Title == value).Select(p => p.Title)).FindUniqueOrThrowAsync(u => u.Id == author.Id);
            Assert.Equal([value], found);
        }
    });
}
