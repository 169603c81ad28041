using Strata.Client.Tests.Blog;
using Strata.TestSupport;

namespace Strata.Client.Tests;

/// <summary>
/// What MySQL does where it differs from the other databases, on tables as Prisma's migrations make them
/// (utf8mb4_unicode_ci; the shared suites run with a binary collation instead), and its connection errors.
/// docs/providers.md states each point.
/// </summary>
public class MySqlBehaviourTests : ClientTest
{
    private static async Task WithPrismaCollation(Func<BlogDb, Task> body)
    {
        await using var database = await TestDatabase.CreateAsync(StrataProvider.MySql, binaryText: false);
        await using var db = database.Client();
        await body(db);
    }

    private static async Task<string[]> Names(BlogDb db, Func<UserWhere, Filter> where) =>
        (await db.Users.Where(where).OrderBy(u => u.Id).FindManyAsync()).Select(u => u.Name!).ToArray();

    [Fact]
    public Task Text_compares_by_the_columns_collation_without_case_accents_or_trailing_spaces() => WithPrismaCollation(async db =>
    {
        foreach (var (email, name) in new[] { ("1@x", "Ann"), ("2@x", "ann "), ("3@x", "Ánn"), ("4@x", "bob"), ("5@x", "Bea") })
            await db.Users.CreateAsync(new UserCreate { Email = email, Name = name });
        Assert.Equal(S("Ann", "ann ", "Ánn"), await Names(db, u => u.Name == "ann"));
        Assert.Equal(S("Ann", "ann ", "Ánn"), await Names(db, u => u.Name.Insensitive == "ANN"));
        Assert.Equal(S("Ann", "ann ", "Ánn"), await Names(db, u => u.Name.StartsWith("an")));
        Assert.Equal(S("bob", "Bea"), await Names(db, u => u.Name > "b"));
        // Ordered by the collation too: case does not split the B names.
        Assert.Equal(S("Bea", "bob"), (await db.Users.Where(u => u.Name > "b").OrderBy(u => u.Name).FindManyAsync()).Select(u => u.Name!).ToArray());
        // A unique key is unique by the collation: another casing of a taken e-mail is a duplicate.
        var duplicate = await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Users.CreateAsync(new UserCreate { Email = "1@X" }));
        Assert.Equal(["email"], duplicate.Fields);
    });

    [Fact]
    public Task The_max_of_an_enum_compares_its_names_while_ordering_follows_the_declaration() => WithPrismaCollation(async db =>
    {
        await db.Users.CreateAsync(new UserCreate { Email = "a@x", Role = Role.Admin });
        await db.Users.CreateAsync(new UserCreate { Email = "e@x", Role = Role.Editor });
        await db.Users.CreateAsync(new UserCreate { Email = "u@x", Role = Role.User });
        var stats = await db.Users.AggregateAsync(a => new { Top = a.Max(u => u.Role) });
        Assert.Equal(Role.User, stats.Top); // "admin" < "EDITOR" < "USER" without case
        Assert.Equal([Role.User, Role.Admin, Role.Editor], (await db.Users.OrderBy(u => u.Role).FindManyAsync()).Select(u => u.Role).ToArray());
    });

    [Fact]
    public async Task Connection_failures_have_Prismas_codes_and_hide_the_password()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using (var unreachable = new BlogDb($"mysql://root:s3cret-word@127.0.0.1:{closedPort}/db"))
        {
            var error = await Assert.ThrowsAnyAsync<StrataException>(() => unreachable.Users.CountAsync());
            Assert.Equal("P1001", error.Code);
            Assert.DoesNotContain("s3cret-word", error.Message);
        }
        var server = MariaDbServer.Shared.UrlBase;
        await using (var missing = new BlogDb(server + "no_such_database"))
            Assert.Equal("P1003", (await Assert.ThrowsAnyAsync<StrataException>(() => missing.Users.CountAsync())).Code);
        await using (var stranger = new BlogDb(server.Replace("mysql://root", "mysql://no_such_user:s3cret-word", StringComparison.Ordinal) + "db"))
        {
            var error = await Assert.ThrowsAnyAsync<StrataException>(() => stranger.Users.CountAsync());
            Assert.Equal("P1000", error.Code);
            Assert.DoesNotContain("s3cret-word", error.Message);
        }
    }
}
