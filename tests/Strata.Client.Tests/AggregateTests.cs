using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Counts, aggregates and groups, each checked against LINQ to objects over the same records read back.</summary>
public class AggregateTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Aggregates_follow_prismas_types_and_the_querys_filter_and_paging(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var users = await db.Users.FindManyAsync();
        var posts = await db.Posts.FindManyAsync();

        Assert.Equal(users.Count(u => u.Name != null), await db.Users.CountAsync(u => u.Name));
        Assert.Equal(users.Where(u => u.Age != null).Select(u => u.Age).Distinct().Count(), await db.Users.CountDistinctAsync(u => u.Age));

        var stats = await db.Users.AggregateAsync(a => new
        {
            All = a.Count(),
            Aged = a.Count(u => u.Age),
            AgeSum = a.Sum(u => u.Age),
            AgeAvg = a.Avg(u => u.Age),
            ScoreSum = a.Sum(u => u.Score),
            BalanceAvg = a.Avg(u => u.Balance),
            Youngest = a.Min(u => u.Age),
            Oldest = a.Max(u => u.Age),
            FirstName = a.Min(u => u.Name),
            LastEmail = a.Max(u => u.Email),
            Earliest = a.Min(u => u.CreatedAt),
            TopRole = a.Max(u => u.Role),
            AnyInactive = a.Min(u => u.Active),
            BigSum = a.Sum(u => u.Big),
        });
        Assert.Equal(users.Count, stats.All);
        Assert.Equal(users.Count(u => u.Age != null), stats.Aged);
        Assert.Equal((long)users.Sum(u => u.Age ?? 0), stats.AgeSum);
        Assert.Equal(users.Where(u => u.Age != null).Average(u => (double)u.Age!.Value), stats.AgeAvg!.Value, 9);
        Assert.Equal(users.Sum(u => u.Score), stats.ScoreSum!.Value, 9);
        Assert.Equal(users.Average(u => u.Balance), stats.BalanceAvg);
        Assert.Equal(users.Min(u => u.Age), stats.Youngest);
        Assert.Equal(users.Max(u => u.Age), stats.Oldest);
        Assert.Equal(users.Where(u => u.Name != null).Select(u => u.Name).Order(StringComparer.Ordinal).First(), stats.FirstName);
        Assert.Equal(users.Select(u => u.Email).Order(StringComparer.Ordinal).Last(), stats.LastEmail);
        Assert.Equal(users.Min(u => u.CreatedAt), stats.Earliest);
        // Declaration order on PostgreSQL; stored names on SQLite and MySQL (whose MAX of an ENUM compares names,
        // here by the tests' binary collation: "EDITOR" < "USER" < "admin"; MySqlCollationTests has Prisma's own).
        Assert.Equal(provider == StrataProvider.PostgreSql ? Role.Editor : Role.Admin, stats.TopRole);
        Assert.Equal(users.All(u => u.Active), stats.AnyInactive);
        Assert.Equal(users.Sum(u => u.Big), stats.BigSum);

        // Filtered, ordered and paged first, as Prisma's aggregate.
        var paged = await db.Posts.Where(p => p.Views > 0).OrderBy(p => p.Views.Desc()).Take(1).AggregateAsync(a => new { N = a.Count(), Views = a.Sum(p => p.Views) });
        Assert.Equal(1, paged.N);
        Assert.Equal(posts.Max(p => p.Views), paged.Views);

        // Over no records: counts are 0, the rest null.
        var none = await db.Posts.Where(p => p.Views > 1000).AggregateAsync(a => (a.Count(), a.Sum(p => p.Views), a.Avg(p => p.Rating), a.Max(p => p.Title), a.Min(p => p.CreatedAt)));
        Assert.Equal((0, (long?)null, (double?)null, (string?)null, (DateTime?)null), none);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Groups_with_having_order_and_paging(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var ann = await db.Users.FindUniqueOrThrowAsync(u => u.Email == "ann@example.com");
        await db.Posts.CreateAsync(new PostCreate { Title = "Third", Views = 7, Rating = 4.5, AuthorId = ann.Id, Published = true });
        var posts = await db.Posts.FindManyAsync();

        var groups = await db.Posts.GroupBy(p => p.AuthorId).SelectAsync(g => new { Author = g.Key(p => p.AuthorId), Posts = g.Count(), Views = g.Sum(p => p.Views), Best = g.Max(p => p.Rating) });
        var expected = posts.GroupBy(p => p.AuthorId).Select(g => new { Author = (int?)g.Key, Posts = g.Count(), Views = (long?)g.Sum(p => p.Views), Best = g.Max(p => p.Rating) });
        Assert.Equal(expected.OrderBy(g => g.Author), groups.OrderBy(g => g.Author));

        var busy = await db.Posts.GroupBy(p => [p.AuthorId, p.Published])
            .Having(g => g.Count() >= 1 && g.Sum(p => p.Views) > 2)
            .OrderBy(g => g.Sum(p => p.Views).Desc())
            .OrderBy(g => g.Key(p => p.Published))
            .Skip(0).Take(2)
            .SelectAsync(g => (g.Key(p => p.AuthorId), g.Key(p => p.Published), g.Sum(p => p.Views)));
        var expectedBusy = posts.GroupBy(p => (p.AuthorId, p.Published))
            .Where(g => g.Sum(p => p.Views) > 2)
            .OrderByDescending(g => g.Sum(p => p.Views)).ThenBy(g => g.Key.Published)
            .Take(2).Select(g => ((int?)g.Key.AuthorId, (bool?)g.Key.Published, (long?)g.Sum(p => p.Views)));
        Assert.Equal(expectedBusy, busy);

        // A group of records whose optional field is null has a null key; != also keeps null groups, as in Where.
        var byRating = await db.Posts.GroupBy(p => p.Rating).Having(g => g.Key(p => p.Rating) != 4.5).SelectAsync(g => (g.Key(p => p.Rating), g.Count()));
        Assert.Equal([((double?)null, posts.Count(p => p.Rating == null))], byRating);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Hostile_values_are_data_in_keys_and_having(StrataProvider provider) => WithClient(provider, async db =>
    {
        var corpus = HostileStringTests.CorpusFor(provider);
        for (int i = 0; i < corpus.Length; i++)
            await db.Users.CreateAsync(new UserCreate { Email = $"{i}@x", Name = corpus[i], Age = i % 3 });
        var groups = await db.Users.GroupBy(u => u.Name).SelectAsync(g => (g.Key(u => u.Name), g.Count()));
        Assert.Equal(corpus.Distinct().Order(StringComparer.Ordinal), groups.Select(g => g.Item1).Order(StringComparer.Ordinal));
        foreach (var value in corpus)
        {
            var matched = await db.Users.GroupBy(u => u.Age).Having(g => g.Max(u => u.Name) == value || g.Min(u => u.Name) == value).SelectAsync(g => g.Count());
            var byAge = (await db.Users.FindManyAsync()).GroupBy(u => u.Age)
                .Count(g => g.Select(u => u.Name).Max(StringComparer.Ordinal) == value || g.Select(u => u.Name).Min(StringComparer.Ordinal) == value);
            Assert.Equal(byAge, matched.Count);
        }
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Misuse_is_a_clear_error(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var paging = await Assert.ThrowsAsync<StrataException>(() => db.Posts.GroupBy(p => p.AuthorId).Take(1).SelectAsync(g => g.Count()));
        Assert.Contains("needs an OrderBy", paging.Message);
        Assert.Throws<StrataException>(() => db.Posts.OrderBy(p => p.Views).GroupBy(p => p.AuthorId));
        var notKey = await Assert.ThrowsAsync<StrataException>(() => db.Posts.GroupBy(p => p.AuthorId).SelectAsync(g => g.Key(p => p.Title)));
        Assert.Contains("not a field of the GroupBy", notKey.Message);
        await Assert.ThrowsAsync<StrataException>(() => db.Users.AggregateAsync(a => 1));
        int calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Users.AggregateAsync(a => calls++ == 0 ? a.Count() : a.Sum(u => u.Age)));
    });
}
