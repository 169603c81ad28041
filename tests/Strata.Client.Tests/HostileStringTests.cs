using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Every value travels as a parameter: strings that would break or change SQL text are stored and matched as plain data.</summary>
public class HostileStringTests : ClientTest
{
    public static readonly string[] Corpus =
    [
        "'", "''", "\"", "\\", "\\'", "--", "-- comment", "/* open", "*/", "; DROP TABLE users; --",
        "' OR '1'='1", "\" OR \"\"=\"", "Robert'); DELETE FROM \"Post\"; --", "$1", "@p0", "?", ":name",
        "%", "_", "%_%", "[a]", "*?", "line\nbreak\r\ttab", "Zoë Ωμέγα 日本語 🚀👩‍👩‍👧", "\u202Eright-to-left",
        "e\u0301", "\uFEFFbom", new string('x', 10_000), "    ", "",
    ];

    /// <summary>
    /// The corpus values a String field holds on <paramref name="provider"/>: on MySQL a String is Prisma's
    /// VARCHAR(191), so the 10,000-character value is left out there (and is refused with P2000, see below).
    /// </summary>
    public static string[] CorpusFor(StrataProvider provider) =>
        provider == StrataProvider.MySql ? Corpus.Where(v => v.Length <= 191).ToArray() : Corpus;

    [Fact]
    public Task A_string_longer_than_its_MySQL_column_is_refused_with_P2000() => WithClient(StrataProvider.MySql, async db =>
    {
        var error = await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.CreateAsync(new UserCreate { Email = new string('x', 192) }));
        Assert.Equal("P2000", error.Code);
        Assert.Equal(191, (await db.Users.CreateAsync(new UserCreate { Email = new string('x', 191) })).Email.Length);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Hostile_strings_round_trip_through_create_filters_and_update(StrataProvider provider) => WithClient(provider, async db =>
    {
        var corpus = CorpusFor(provider);
        for (int i = 0; i < corpus.Length; i++)
        {
            var value = corpus[i];
            var created = await db.Users.CreateAsync(new UserCreate { Email = $"{i}:{value}", Name = value, Settings = new System.Text.Json.Nodes.JsonObject { ["v"] = value } });
            Assert.Equal(value, created.Name);
            Assert.Equal(value, (string?)created.Settings!["v"]);
            Assert.Equal(created.Id, (await db.Users.FindUniqueOrThrowAsync(u => u.Email == $"{i}:{value}")).Id);
            Assert.Equal(created.Id, (await db.Users.Where(u => u.Name == value && u.Id == created.Id).FindFirstOrThrowAsync()).Id);
            Assert.True(await db.Users.Where(u => u.Name.Insensitive == value && u.Id == created.Id).CountAsync() == 1, "insensitive: " + i);
            Assert.True(await db.Users.Where(u => u.Name.Contains(value) && u.Id == created.Id).CountAsync() == 1, "contains: " + i);
            Assert.True(await db.Users.Where(u => u.Name.StartsWith(value) && u.Name.EndsWith(value) && u.Id == created.Id).CountAsync() == 1, "starts/ends: " + i);
            Assert.Equal(created.Id, (await db.Users.Where(u => u.Name.In(value, "other") && u.Id == created.Id).FindFirstOrThrowAsync()).Id);
            var updated = await db.Users.UpdateAsync(u => u.Id == created.Id, new UserUpdate { Name = value + value });
            Assert.Equal(value + value, updated.Name);
            Assert.Equal(1, await db.Users.Where(u => u.Name == value + value).CountAsync());
        }
        Assert.Equal(corpus.Length, await db.Users.CountAsync());
        // Values that look like wildcards match only themselves.
        Assert.Equal(2, await db.Users.Where(u => u.Name.Contains("%")).CountAsync()); // "%%" and "%_%%_%"
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Nul_characters_are_data_on_sqlite_and_mysql_and_refused_cleanly_by_postgresql(StrataProvider provider) => WithClient(provider, async db =>
    {
        const string value = "before\0after";
        if (provider != StrataProvider.PostgreSql)
        {
            var created = await db.Users.CreateAsync(new UserCreate { Email = "nul@example.com", Name = value });
            Assert.Equal(value, created.Name);
            Assert.Equal(1, await db.Users.Where(u => u.Name == value).CountAsync());
            Assert.Equal(0, await db.Users.Where(u => u.Name == "before").CountAsync());
            Assert.Equal(1, await db.Users.Where(u => u.Name.Contains("\0a")).CountAsync());
            Assert.Equal(1, await db.Users.Where(u => u.Name.EndsWith("\0after")).CountAsync());
            Assert.Equal(1, await db.Users.Where(u => u.Name.StartsWith("before\0")).CountAsync());
            return;
        }
        // PostgreSQL text cannot hold NUL (as for Prisma): a clear error, and nothing stored.
        var error = await Assert.ThrowsAnyAsync<StrataException>(() => db.Users.CreateAsync(new UserCreate { Email = "nul@example.com", Name = value }));
        Assert.Equal("P2010", error.Code);
        Assert.Equal(0, await db.Users.CountAsync());
    });
}
