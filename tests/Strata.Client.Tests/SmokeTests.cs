using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public class SmokeTests
{
    [Theory]
    [InlineData(StrataProvider.Sqlite)]
    [InlineData(StrataProvider.PostgreSql)]
    public async Task Creates_and_finds_a_user(StrataProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Client();
        var created = await db.Users.CreateAsync(new UserCreate { Email = "a@example.com", Name = "Ann" });
        Assert.True(created.Id > 0);
        var found = await db.Users.FindUniqueAsync(u => u.Id == created.Id);
        Assert.NotNull(found);
        Assert.Equal("Ann", found.Name);
        Assert.Equal(Role.User, found.Role);
    }
}
