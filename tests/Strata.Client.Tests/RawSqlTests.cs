using System.Text.Json.Nodes;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>A user's own row type for raw SQL, read by the reader the generator writes for it.</summary>
[RawRow]
public sealed record AuthorStats(int UserId, string Email, long PostCount, int? TotalViews);

/// <summary>A class with settable properties, names matched without case and underscores.</summary>
[RawRow]
public sealed class UserLine
{
    public int Id { get; set; }
    public string? Name { get; init; }
    public DateTime CreatedAt { get; set; }
    public Role Role { get; set; }
    public decimal Balance { get; set; }
    public bool Active { get; set; }
}

/// <summary>Raw SQL through the client: holes are parameters, lists expand, identifiers are quoted, rows are read as entities, [RawRow] types or scalars.</summary>
public class RawSqlTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Holes_are_parameters_and_rows_read_as_entities(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        string email = "bob@example.com";
        var users = await db.QueryRawAsync<User>($"SELECT * FROM users WHERE email = {email}");
        var bob = Assert.Single(users);
        var expected = await db.Users.FindUniqueOrThrowAsync(u => u.Email == email);
        Assert.Equal(expected.Id, bob.Id);
        Assert.Equal(expected.Name, bob.Name);
        Assert.Equal(expected.Age, bob.Age);
        Assert.Equal(expected.CreatedAt, bob.CreatedAt);
        Assert.Equal(expected.Role, bob.Role);
        Assert.Equal(expected.Balance, bob.Balance);
        Assert.Null(bob.Posts);

        // Column order does not matter: columns are matched by name.
        var reordered = await db.QueryRawAsync<User>($"SELECT role, settings, avatar, {RawSql.Identifier("updatedAt")}, created_at, active, big, balance, score, age, name, email, id FROM users ORDER BY id");
        Assert.Equal((await db.Users.OrderBy(u => u.Id).FindManyAsync()).Select(u => (u.Id, u.Email, u.Role)), reordered.Select(u => (u.Id, u.Email, u.Role)));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Scalars_lists_enums_and_identifiers(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        Assert.Equal([3], await db.QueryRawAsync<int>($"SELECT COUNT(*) FROM users"));
        Assert.Equal([3L], await db.QueryRawAsync<long>($"SELECT COUNT(*) FROM users"));

        int[] ages = [17, 30, 99];
        var emails = await db.QueryRawAsync<string>($"SELECT email FROM users WHERE age IN ({ages}) ORDER BY email");
        Assert.Equal(["ann@example.com", "bob@example.com"], emails);
        Assert.Empty(await db.QueryRawAsync<string>($"SELECT email FROM users WHERE age IN ({Array.Empty<int>()})"));

        var admins = await db.QueryRawAsync<string>($"SELECT email FROM users WHERE role = {Role.Admin}");
        Assert.Equal(["ann@example.com"], admins);
        var roles = await db.QueryRawAsync<Role>($"SELECT role FROM users ORDER BY id");
        Assert.Equal([Role.Admin, Role.User, Role.Editor], roles);

        var table = RawSql.Identifier("users");
        var column = RawSql.Identifier("created_at");
        var times = await db.QueryRawAsync<DateTime>($"SELECT {column} FROM {table} ORDER BY id");
        Assert.Equal((await db.Users.OrderBy(u => u.Id).FindManyAsync()).Select(u => u.CreatedAt), times);

        int? noAge = null;
        Assert.Equal(["cid@example.org"], await db.QueryRawAsync<string>($"SELECT email FROM users WHERE age IS NULL AND {noAge} IS NULL"));
        Assert.Equal([null, "Ann", "bob"], (await db.QueryRawAsync<string?>($"SELECT name FROM users ORDER BY name")).Order(StringComparer.Ordinal));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Raw_row_types_read_by_column_names(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var stats = await db.QueryRawAsync<AuthorStats>($"""
            SELECT u.id AS user_id, u.email, COUNT(p.id) AS post_count, SUM(p.views) AS total_views
            FROM users u LEFT JOIN {RawSql.Identifier("Post")} p ON p.{RawSql.Identifier("authorId")} = u.id
            GROUP BY u.id, u.email ORDER BY u.id
            """);
        var users = await db.Users.OrderBy(u => u.Id).Include(u => u.Posts).FindManyAsync();
        Assert.Equal(users.Select(u => new AuthorStats(u.Id, u.Email, u.Posts!.Count, u.Posts.Count == 0 ? null : u.Posts.Sum(p => p.Views))), stats);

        var lines = await db.QueryRawAsync<UserLine>($"SELECT id, name, created_at, role, balance, active, 'extra' AS ignored FROM users ORDER BY id");
        Assert.Equal(users.Select(u => (u.Id, u.Name, u.CreatedAt, u.Role, u.Balance, u.Active)), lines.Select(l => (l.Id, l.Name, l.CreatedAt, l.Role, l.Balance, l.Active)));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Execute_and_transactions(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        int changed = await db.ExecuteRawAsync($"UPDATE users SET age = {40} WHERE email LIKE {"%@example.com"}");
        Assert.Equal(2, changed);
        Assert.Equal(2, await db.Users.Where(u => u.Age == 40).CountAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.TransactionAsync<int>(async tx =>
        {
            await tx.ExecuteRawAsync($"UPDATE users SET age = {50}");
            Assert.Equal([3], await tx.QueryRawAsync<int>($"SELECT COUNT(*) FROM users WHERE age = {50}"));
            throw new InvalidOperationException("roll back");
        }));
        Assert.Equal(0, await db.Users.Where(u => u.Age == 50).CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Unsafe_text_takes_numbered_placeholders(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var sql = "SELECT email FROM users WHERE age > $1 AND name <> $2 ORDER BY email";
        Assert.Equal(["ann@example.com"], await db.QueryRawUnsafeAsync<string>(sql, 20, "bob"));
        Assert.Equal(1, await db.ExecuteRawUnsafeAsync("DELETE FROM users WHERE email = $1", "cid@example.org"));
        Assert.Equal(2, await db.Users.CountAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => db.QueryRawUnsafeAsync<int>("SELECT 1 WHERE 1 IN ($1)", new[] { 1, 2 }));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Hostile_values_are_data_in_every_hole(StrataProvider provider) => WithClient(provider, async db =>
    {
        var corpus = HostileStringTests.CorpusFor(provider);
        for (int i = 0; i < corpus.Length; i++)
        {
            var value = corpus[i];
            var email = $"{i}:{value}";
            Assert.Equal(1, await db.ExecuteRawAsync($"INSERT INTO users (email, name, score, balance, big, active, role, created_at, {RawSql.Identifier("updatedAt")}) VALUES ({email}, {value}, 0, 0, 0, {true}, 'USER', {DateTime.UtcNow}, {DateTime.UtcNow})"));
            Assert.Equal([value], await db.QueryRawAsync<string>($"SELECT name FROM users WHERE email = {email}"));
            Assert.Equal([value], await db.QueryRawUnsafeAsync<string>("SELECT name FROM users WHERE email = $1", email));
            var listed = await db.QueryRawAsync<string>($"SELECT name FROM users WHERE name IN ({new[] { value, "other" }}) AND email = {email}");
            Assert.Equal([value], listed);
        }
        Assert.Equal(corpus.Length, await db.Users.CountAsync());
    });

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1.5", "1.5")]
    [InlineData("-0.000001", "-0.000001")]
    [InlineData("12345678901234567890.123456789", "12345678901234567890.123456789")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("0.123456789012345678901234567890", "0.1234567890123456789012345679")] // 30 places, rounded to 28
    [InlineData("10000", "10000")]
    public Task PostgreSQL_numerics_with_Prismas_scale_read_as_decimal(string stored, string expected) => WithClient(StrataProvider.PostgreSql, async db =>
    {
        var value = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([value], await db.QueryRawUnsafeAsync<decimal>($"SELECT {stored}::numeric(65,30)"));
        await db.Users.CreateAsync(new UserCreate { Email = "n@example.com", Balance = 2.5m });
        Assert.Equal(2.5m, Assert.Single(await db.QueryRawAsync<User>($"SELECT * FROM users")).Balance);
    });

    [Fact]
    public Task A_PostgreSQL_numeric_beyond_decimal_is_out_of_range() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        var error = await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.QueryRawUnsafeAsync<decimal>("SELECT 1e40::numeric(65,30)"));
        Assert.Equal("P2020", error.Code);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Errors_are_clear_and_typed(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var duplicate = await Assert.ThrowsAsync<UniqueConstraintException>(() =>
            db.ExecuteRawAsync($"INSERT INTO users (email, score, balance, big, active, role, created_at, {RawSql.Identifier("updatedAt")}) VALUES ({"ann@example.com"}, 0, 0, 0, {true}, 'USER', {DateTime.UtcNow}, {DateTime.UtcNow})"));
        Assert.Equal("P2002", duplicate.Code);

        var syntax = await Assert.ThrowsAsync<StrataException>(() => db.QueryRawAsync<int>($"SELEC 1"));
        Assert.Equal("P2010", syntax.Code);

        var missing = await Assert.ThrowsAsync<StrataException>(() => db.QueryRawAsync<User>($"SELECT id, email FROM users"));
        Assert.Equal("P2009", missing.Code);
        Assert.Contains("name", missing.Message);

        var wide = await Assert.ThrowsAsync<StrataException>(() => db.QueryRawAsync<int>($"SELECT id, age FROM users"));
        Assert.Contains("one column", wide.Message);

        var nulls = await Assert.ThrowsAsync<StrataException>(() => db.QueryRawAsync<int>($"SELECT age FROM users"));
        Assert.Equal("P2023", nulls.Code);
        Assert.Contains("age", nulls.Message);

        var tooBig = await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.QueryRawAsync<int>($"SELECT {5_000_000_000L}"));
        Assert.Equal("P2020", tooBig.Code);

        Assert.Throws<ArgumentException>(() => { _ = db.QueryRawAsync<int>($"SELECT {new object()}"); }); // at the call, before anything runs
        Assert.Throws<ArgumentException>(() => RawSql.Identifier(""));
        // The client still works after every failure.
        Assert.Equal(3, await db.Users.CountAsync());
    });
}
