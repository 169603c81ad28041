using System.Text.Json;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>
/// Create returns the record as stored: what a read of the new row gives, field for field, whether
/// the provider reads the row back (PostgreSQL's RETURNING; SQLite for Decimal, Json and database
/// defaults) or makes the record from the values it wrote (SQLite otherwise).
/// </summary>
public class CreateReadBackTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Every_field_type_comes_back_as_a_read_gives_it(StrataProvider provider) => WithClient(provider, async db =>
    {
        // Ticks below the millisecond and a local and an unspecified time: stored in UTC to the millisecond.
        var local = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Local).AddTicks(4567);
        var unspecified = new DateTime(1969, 12, 31, 23, 59, 59, 999, DateTimeKind.Unspecified).AddTicks(9999);
        var text = provider == StrataProvider.Sqlite ? "Zoë \0 🙂 '\" \\" : "Zoë 🙂 '\" \\";

        var full = await db.Users.CreateAsync(new UserCreate
        {
            Email = "full@x", Name = text, Age = int.MinValue, Score = -1.5e300, Balance = 12.50m, Big = long.MaxValue,
            Active = false, Role = Role.Admin, CreatedAt = local, UpdatedAt = unspecified, Avatar = [0, 255],
            Settings = System.Text.Json.Nodes.JsonNode.Parse("{ \"b\" : 1.50, \"a\" : [ true ] }"),
        });
        AssertSame(full, await db.Users.FindUniqueOrThrowAsync(u => u.Id == full.Id));

        // Without the Decimal and Json fields, every returned field reads back as written on SQLite.
        var users = db.Users.Omit(u => [u.Balance, u.Settings]);
        var omitted = await users.CreateAsync(new UserCreate
        {
            Email = "omitted@x", Name = text, Age = int.MaxValue, Score = double.Epsilon, Big = long.MinValue,
            Role = Role.Editor, CreatedAt = local, UpdatedAt = unspecified, Avatar = [],
        });
        AssertSame(omitted, await users.FindUniqueOrThrowAsync(u => u.Id == omitted.Id));
        Assert.Equal(0m, omitted.Balance);
        Assert.Null(omitted.Settings);

        foreach (double? rating in new double?[] { -0.0, 0.0, 1.0 / 3, double.PositiveInfinity, double.NegativeInfinity, 1e-320, null })
        {
            if (provider == StrataProvider.MySql && rating is { } r && !double.IsFinite(r)) continue; // a MySQL DOUBLE holds finite numbers only (refused, ValueGuardTests)
            var post = await db.Posts.CreateAsync(new PostCreate { Title = $"rating {rating}", Rating = rating, AuthorId = full.Id });
            AssertSame(post, await db.Posts.FindUniqueOrThrowAsync(p => p.Id == post.Id));
        }
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Creates_in_a_transaction_come_back_as_a_read_gives_them(StrataProvider provider) => WithClient(provider, async db =>
    {
        var created = await db.TransactionAsync(async tx =>
        {
            var user = await tx.Users.CreateAsync(new UserCreate { Email = "tx@x" });
            var profile = await tx.Profiles.CreateAsync(new ProfileCreate { Bio = "autoincrement key", UserId = user.Id });
            var post = await tx.Posts.CreateAsync(new PostCreate { Title = "uuid key", AuthorId = user.Id });
            var membership = await tx.Memberships.CreateAsync(new MembershipCreate { OrgId = 7, UserKey = "compound key" });
            var token = await tx.Tokens.CreateAsync(new TokenCreate()); // a dbgenerated() default: read back
            return (user, profile, post, membership, token);
        });
        AssertSame(created.user, await db.Users.FindUniqueOrThrowAsync(u => u.Id == created.user.Id));
        AssertSame(created.profile, await db.Profiles.FindUniqueOrThrowAsync(p => p.Id == created.profile.Id));
        AssertSame(created.post, await db.Posts.FindUniqueOrThrowAsync(p => p.Id == created.post.Id));
        AssertSame(created.membership, await db.Memberships.FindUniqueOrThrowAsync(m => m.OrgIdUserKey(7, "compound key")));
        AssertSame(created.token, await db.Tokens.FindUniqueOrThrowAsync(t => t.Cuid == created.token.Cuid));
        Assert.Equal(42, created.token.Seq);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Concurrent_creates_each_return_their_own_key(StrataProvider provider) => WithClient(provider, async db =>
    {
        // The generated key comes from the connection that ran the INSERT, never from another one's.
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var made = new List<Profile>();
            for (int i = 0; i < 25; i++)
            {
                var user = await db.Users.CreateAsync(new UserCreate { Email = $"w{worker}-{i}@x" });
                made.Add(await db.Profiles.CreateAsync(new ProfileCreate { Bio = $"w{worker}-{i}", UserId = user.Id }));
            }
            return made;
        })).ToList();
        foreach (var profile in (await Task.WhenAll(workers)).SelectMany(p => p))
        {
            var stored = await db.Profiles.FindUniqueOrThrowAsync(p => p.Id == profile.Id);
            Assert.Equal(profile.Bio, stored.Bio);
            var owner = await db.Users.FindUniqueOrThrowAsync(u => u.Id == profile.UserId);
            Assert.Equal(profile.Bio + "@x", owner.Email);
        }
    });

    /// <summary>Every field equal, to the kind of a DateTime and the sign of a zero (JSON keeps both).</summary>
    private static void AssertSame<T>(T created, T read) =>
        Assert.Equal(JsonSerializer.Serialize(read, Json), JsonSerializer.Serialize(created, Json));

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
}
