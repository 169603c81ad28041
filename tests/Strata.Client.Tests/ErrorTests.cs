using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class ErrorTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Unique_violations_name_the_fields(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Users.CreateAsync(new UserCreate { Email = "dup@example.com" });
        var error = await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Users.CreateAsync(new UserCreate { Email = "dup@example.com" }));
        Assert.Equal("P2002", error.Code);
        Assert.Equal(S("email"), error.Fields.ToArray());
        Assert.Equal("User", error.Model);
        Assert.Contains("User.(email)", error.Message);

        await db.Memberships.CreateAsync(new MembershipCreate { OrgId = 1, UserKey = "a" });
        var compound = await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Memberships.CreateAsync(new MembershipCreate { OrgId = 1, UserKey = "a" }));
        Assert.Equal(S("orgId", "userKey"), compound.Fields.ToArray());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Null_and_range_violations(StrataProvider provider) => WithClient(provider, async db =>
    {
        var user = await db.Users.CreateAsync(new UserCreate { Email = "n@example.com", Age = int.MaxValue - 1 });
        var nullError = await Assert.ThrowsAsync<NullConstraintException>(() => db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Email = null! }));
        Assert.Equal(("P2011", "email"), (nullError.Code, nullError.Field));
        var range = await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Age = Op.Increment(10) }));
        Assert.Equal("P2020", range.Code);
        Assert.Equal(int.MaxValue - 1, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Age);
        var nullKey = await Assert.ThrowsAsync<StrataException>(() => db.Users.FindUniqueAsync(u => u.Email == null!));
        Assert.Equal("P2009", nullKey.Code);
    });

    [Fact]
    public void Bad_urls_and_missing_providers_are_clear()
    {
        var unknown = Assert.Throws<StrataException>(() => new BlogDb("sqlserver://localhost/db"));
        Assert.Contains("neither a SQLite URL", unknown.Message);
        Assert.Equal("P1013", Assert.Throws<StrataException>(() => new BlogDb("mysql://user@/db")).Code);
        Assert.Equal("P1013", Assert.Throws<StrataException>(() => new BlogDb("Server=localhost;Port=abc;User ID=root")).Code);
        // Options without a URL connect to the schema's datasource (ConfigurationTests); a schema without one is an ArgumentException there.
        var badUrl = Assert.Throws<StrataException>(() => new BlogDb("file:"));
        Assert.Equal(("P1013", true), (badUrl.Code, badUrl.Message.Contains("names no file")));
        Assert.Equal("P1013", Assert.Throws<StrataException>(() => new BlogDb("Data Source=x.db;Nonsense=1")).Code);
        Assert.Equal("P1013", Assert.Throws<StrataException>(() => new BlogDb("Host=localhost;Port=abc")).Code);
        Assert.Equal("P1013", Assert.Throws<StrataException>(() => new BlogDb("file:./x.db?mode=sideways")).Code);
    }
}
