using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class FilterTests : ClientTest
{
    private static async Task<string[]> Emails(BlogDb db, Func<UserWhere, Filter> where) =>
        (await db.Users.Where(where).OrderBy(u => u.Email).FindManyAsync()).Select(u => u.Email[..3]).ToArray();

    [Theory, MemberData(nameof(Providers))]
    public Task Comparisons_membership_and_null(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        Assert.Equal(S("ann"), await Emails(db, u => u.Age == 30));
        Assert.Equal(S("bob", "cid"), await Emails(db, u => u.Age != 30));          // != keeps nulls, as C# does
        Assert.Equal(S("bob"), await Emails(db, u => u.Age < 30));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Age <= 30));
        Assert.Equal(S("ann"), await Emails(db, u => u.Age > 17));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Age >= 17));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Age.In(17, 30, 99)));
        Assert.Equal(S("cid"), await Emails(db, u => u.Age.NotIn(17, 30)));
        Assert.Equal(S(), await Emails(db, u => u.Age.In()));
        Assert.Equal(S("ann", "bob", "cid"), await Emails(db, u => u.Age.NotIn([])));
        Assert.Equal(S("cid"), await Emails(db, u => u.Age == null));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Name != null));
        Assert.Equal(S("ann", "cid"), await Emails(db, u => u.Role.In(Role.Admin, Role.Editor)));
        Assert.Equal(S("bob", "cid"), await Emails(db, u => u.Role != Role.Admin));
        Assert.Equal(S("bob", "cid"), await Emails(db, u => u.Score < 8.0));
        Assert.Equal(S("ann", "bob", "cid"), await Emails(db, u => u.Active));
        Assert.Equal(S(), await Emails(db, u => !u.Active));
        Assert.Equal(S("ann", "bob", "cid"), await Emails(db, u => u.CreatedAt <= DateTime.UtcNow.AddMinutes(1)));
        Assert.Equal(S(), await Emails(db, u => u.CreatedAt > DateTime.UtcNow.AddMinutes(1)));
        Assert.Equal(S("bob"), await Emails(db, u => u.Email.In("bob@example.com", "zed@example.com")));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Email < "c"));
        Assert.Equal(S("cid"), await Emails(db, u => u.Avatar == null && u.Settings == null && u.Big == 0 && u.Balance == 0m && u.Age == null));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Text_filters_with_and_without_case(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        Assert.Equal(S("bob"), await Emails(db, u => u.Name.Contains("o")));
        Assert.Equal(S("ann"), await Emails(db, u => u.Name.StartsWith("A")));
        Assert.Equal(S(), await Emails(db, u => u.Name.StartsWith("a")));
        Assert.Equal(S("ann"), await Emails(db, u => u.Name.Insensitive.StartsWith("a")));
        Assert.Equal(S("ann"), await Emails(db, u => u.Name.EndsWith("nn")));
        Assert.Equal(S("bob"), await Emails(db, u => u.Name.Insensitive.EndsWith("OB")));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Email.EndsWith(".com")));
        Assert.Equal(S("cid"), await Emails(db, u => u.Email.Insensitive.Contains("EXAMPLE.ORG")));
        Assert.Equal(S("ann"), await Emails(db, u => u.Name == "Ann"));
        Assert.Equal(S(), await Emails(db, u => u.Name == "ANN"));
        Assert.Equal(S("ann"), await Emails(db, u => u.Name.Insensitive == "ANN"));
        Assert.Equal(S("bob", "cid"), await Emails(db, u => u.Name.Insensitive != "aNN"));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Name.Insensitive.In("ANN", "BOB")));
        Assert.Equal(S("bob"), await Emails(db, u => u.Name.Insensitive.NotIn("ann") && u.Name != null));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Name.Insensitive < "C"));
        // LIKE's wildcards are plain characters in a value.
        await db.Users.CreateAsync(new UserCreate { Email = "pct@example.com", Name = "100%_sure\\" });
        Assert.Equal(S("pct"), await Emails(db, u => u.Name.Contains("%_s")));
        Assert.Equal(S("pct"), await Emails(db, u => u.Name.Insensitive.EndsWith("E\\")));
        Assert.Equal(S(), await Emails(db, u => u.Name.Contains("0_%")));
        Assert.Equal(S("ann", "bob", "cid", "pct"), await Emails(db, u => u.Email.Contains("")));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task And_or_not_nest_freely(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        Assert.Equal(S("ann"), await Emails(db, u => u.Age >= 18 && u.Name != null));
        Assert.Equal(S("ann", "cid"), await Emails(db, u => u.Age >= 18 || u.Age == null));
        Assert.Equal(S("bob", "cid"), await Emails(db, u => !(u.Role == Role.Admin)));
        Assert.Equal(S("ann", "cid"), await Emails(db, u => (u.Age > 20 && (u.Name.StartsWith("A") || u.Name == "x")) || !(u.Email.EndsWith(".com"))));
        Assert.Equal(S("bob"), await Emails(db, u => Filter.And(u.Age < 20, Filter.Or(u.Name == "bob", u.Name == "x"), Filter.Not(u.Age == null))));
        Assert.Equal(S("ann", "bob", "cid"), await Emails(db, u => Filter.And()));
        Assert.Equal(S(), await Emails(db, u => Filter.Or()));
        // Two Where calls: both must match.
        Assert.Equal(S("ann"), (await db.Users.Where(u => u.Age > 10).Where(u => u.Role == Role.Admin).FindManyAsync()).Select(u => u.Email[..3]).ToArray());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Relation_filters(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        Assert.Equal(S("ann"), await Emails(db, u => u.Posts.Some(p => p.Published)));
        Assert.Equal(S("ann", "bob"), await Emails(db, u => u.Posts.Some()));
        Assert.Equal(S("cid"), await Emails(db, u => u.Posts.None()));
        Assert.Equal(S("bob", "cid"), await Emails(db, u => u.Posts.Every(p => p.Views < 5)));
        Assert.Equal(S("bob", "cid"), await Emails(db, u => u.Posts.None(p => p.Views > 5)));
        var bobsPosts = await db.Posts.Where(p => p.Author.Is(a => a.Name == "bob")).FindManyAsync();
        Assert.Equal(S("bob's draft"), bobsPosts.Select(p => p.Title).ToArray());
        Assert.Equal(2, await db.Posts.Where(p => p.Author.IsNot(a => a.Name == "bob")).CountAsync());
        Assert.Equal(0, await db.Users.Where(u => u.Profile.Exists()).CountAsync());
    });
}
