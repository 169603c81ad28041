using System.Text.Json.Nodes;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Values that a database would change, or could not give back, fail with a typed error and change nothing, the same on both providers.</summary>
public class ValueGuardTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task BigInt_overflow_in_an_atomic_update_fails_and_changes_nothing(StrataProvider provider) => WithClient(provider, async db =>
    {
        var user = await db.Users.CreateAsync(new UserCreate { Email = "big@example.com", Big = long.MaxValue - 1 });
        foreach (var update in new[] { Op.Increment(10), Op.Multiply(2), Op.Decrement(-5) })
        {
            var error = await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Big = update }));
            Assert.Equal("P2020", error.Code);
        }
        Assert.Equal(long.MaxValue - 1, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Big);
        await db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Big = Op.Increment(1) });
        Assert.Equal(long.MaxValue, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Big);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Dividing_by_zero_fails_and_changes_nothing(StrataProvider provider) => WithClient(provider, async db =>
    {
        var user = await db.Users.CreateAsync(new UserCreate { Email = "div@example.com", Age = 40, Big = 9, Score = 2.5, Balance = 3m });
        Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Age = Op.Divide(0) }))).Code);
        Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateManyAsync(new UserUpdate { Big = Op.Divide(0) }))).Code);
        Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateManyAsync(new UserUpdate { Score = Op.Divide(0.0) }))).Code);
        Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateManyAsync(new UserUpdate { Balance = Op.Divide(0m) }))).Code);
        var stored = await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id);
        Assert.Equal((40, 9L, 2.5, 3m), (stored.Age, stored.Big, stored.Score, stored.Balance));
        await db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Age = Op.Divide(3) });
        Assert.Equal(13, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Age);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Decimal_overflow_in_an_atomic_update_is_refused_before_it_is_written(StrataProvider provider) => WithClient(provider, async db =>
    {
        // 3e28 has few digits, so SQLite's REAL column holds it exactly too.
        var user = await db.Users.CreateAsync(new UserCreate { Email = "dec@example.com", Balance = 30_000_000_000_000_000_000_000_000_000m });
        Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Balance = Op.Multiply(3m) }))).Code);
        Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.UpdateManyAsync(new UserUpdate { Balance = Op.Increment(decimal.MaxValue) }))).Code);
        // Nothing was written, and the row reads back.
        Assert.Equal(30_000_000_000_000_000_000_000_000_000m, (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Balance);
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Json_deeper_than_the_reader_reads_is_refused_and_what_is_stored_reads_back(StrataProvider provider) => WithClient(provider, async db =>
    {
        JsonNode Nest(int depth) => depth == 1 ? new JsonObject { ["leaf"] = 1 } : new JsonObject { ["n"] = Nest(depth - 1) };
        // The reader reads 64 levels; MariaDB's JSON column (its JSON_VALID check) keeps 32, the leaf's value counted.
        int deepest = provider == StrataProvider.MySql ? 31 : 64;
        var ok = await db.Users.CreateAsync(new UserCreate { Email = "deep@example.com", Settings = Nest(deepest) });
        Assert.True(JsonNode.DeepEquals(Nest(deepest), (await db.Users.FindUniqueOrThrowAsync(u => u.Id == ok.Id)).Settings));
        var error = await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.CreateAsync(new UserCreate { Email = "deeper@example.com", Settings = Nest(deepest + 1) }));
        Assert.Equal("P2020", error.Code);
        Assert.Contains("User.settings", error.Message);
        Assert.Equal(1, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Top_level_json_numbers_round_trip_or_are_refused(StrataProvider provider) => WithClient(provider, async db =>
    {
        foreach (var text in new[] { "123", "-5", "0.5", "1.25e3", "9007199254740993", "\"12345678901234567890123\"" })
        {
            var user = await db.Users.CreateAsync(new UserCreate { Email = text + "@example.com", Settings = JsonNode.Parse(text) });
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Settings), text);
        }
        // Past 64-bit integers and doubles, SQLite's Json column would change the number: refused there, kept by PostgreSQL's jsonb.
        var big = JsonNode.Parse("12345678901234567890123");
        if (provider == StrataProvider.Sqlite)
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.CreateAsync(new UserCreate { Email = "big@example.com", Settings = big }))).Code);
        else
        {
            var user = await db.Users.CreateAsync(new UserCreate { Email = "big@example.com", Settings = big });
            Assert.Equal("12345678901234567890123", (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Settings!.ToJsonString());
        }
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Lone_surrogates_are_a_typed_error_in_writes_and_filters(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Users.CreateAsync(new UserCreate { Email = "emoji@example.com", Name = "smile \uD83D\uDE00" }); // a pair is fine
        foreach (var bad in new[] { "\uD800", "x\uDC00y", "end\uD83D" })
        {
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.CreateAsync(new UserCreate { Email = bad + "@example.com" }))).Code);
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.Where(u => u.Name == bad).FindManyAsync())).Code);
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.Where(u => u.Name.Contains(bad)).CountAsync())).Code);
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.Where(u => u.Email.In("a@b.c", bad)).CountAsync())).Code);
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.CreateManyAsync([new UserCreate { Email = "ok@example.com" }, new UserCreate { Email = bad }]))).Code);
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.CreateAsync(new UserCreate { Email = "j@example.com", Settings = new JsonObject { ["k"] = bad } }))).Code);
        }
        Assert.Equal(1, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Case_insensitive_filters_treat_nul_as_data(StrataProvider provider) => WithClient(provider, async db =>
    {
        if (provider == StrataProvider.PostgreSql) return; // PostgreSQL text cannot hold NUL at all (a typed P2010 error, tested with the hostile strings)
        await db.Users.CreateAsync(new UserCreate { Email = "a@example.com", Name = "ab\0CD" });
        await db.Users.CreateAsync(new UserCreate { Email = "b@example.com", Name = "abcd" });
        Assert.Equal(1, await db.Users.Where(u => u.Name.Insensitive.Contains("\0cd")).CountAsync());
        Assert.Equal(1, await db.Users.Where(u => u.Name.Insensitive.StartsWith("AB\0")).CountAsync());
        Assert.Equal(1, await db.Users.Where(u => u.Name.Insensitive.EndsWith("b\0cd")).CountAsync());
        Assert.Equal(0, await db.Users.Where(u => u.Name.Insensitive.Contains("\0x")).CountAsync());
        Assert.Equal(1, await db.Users.Where(u => u.Name.Insensitive == "AB\0cd").CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task NaN_is_stored_where_the_database_can_and_refused_where_it_cannot(StrataProvider provider) => WithClient(provider, async db =>
    {
        if (provider != StrataProvider.PostgreSql) // SQLite would read NaN back as NULL; a MySQL DOUBLE holds finite numbers only
        {
            Assert.Equal("P2020", (await Assert.ThrowsAsync<ValueOutOfRangeException>(() => db.Users.CreateAsync(new UserCreate { Email = "nan@example.com", Score = double.NaN }))).Code);
            Assert.Equal(0, await db.Users.CountAsync());
            return;
        }
        var user = await db.Users.CreateAsync(new UserCreate { Email = "nan@example.com", Score = double.NaN });
        Assert.True(double.IsNaN((await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).Score));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task In_with_null_among_its_values_and_take_of_int_min_value_are_clear_errors(StrataProvider provider) => WithClient(provider, async db =>
    {
        var error = Assert.Throws<StrataException>(() => db.Users.Where(u => u.Name.In("a", null!)));
        Assert.Equal("P2009", error.Code);
        Assert.Contains("== null", error.Message);
        Assert.Equal("P2009", Assert.Throws<StrataException>(() => db.Users.Where(u => u.Name.NotIn(null!, "b"))).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => db.Users.Take(int.MinValue));
        await db.Users.CreateAsync(new UserCreate { Email = "t@example.com" });
        Assert.Single(await db.Users.OrderBy(u => u.Id).Take(-int.MaxValue).FindManyAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task DateTimes_keep_whole_milliseconds_and_the_extremes_on_both_providers(StrataProvider provider) => WithClient(provider, async db =>
    {
        var precise = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1_234_567); // .1234567 s
        var user = await db.Users.CreateAsync(new UserCreate { Email = "d@example.com", CreatedAt = precise });
        Assert.Equal(precise.AddTicks(-4_567), (await db.Users.FindUniqueOrThrowAsync(u => u.Id == user.Id)).CreatedAt); // truncated to .123
        Assert.Equal(1, await db.Users.Where(u => u.CreatedAt == precise).CountAsync());                       // the filter value is truncated too
        Assert.Equal(1, await db.Users.Where(u => u.CreatedAt >= precise).CountAsync());
        foreach (var extreme in new[] { DateTime.MinValue, DateTime.MaxValue })
        {
            var stored = await db.Users.CreateAsync(new UserCreate { Email = extreme.Year + "@example.com", CreatedAt = DateTime.SpecifyKind(extreme, DateTimeKind.Utc) });
            var read = (await db.Users.FindUniqueOrThrowAsync(u => u.Id == stored.Id)).CreatedAt;
            Assert.Equal(new DateTime(extreme.Ticks - extreme.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc), read);
        }
        Assert.Equal(S("1@example.com", "d@example.com", "9999@example.com"), (await db.Users.OrderBy(u => u.CreatedAt).FindManyAsync()).Select(u => u.Email).ToArray());
    });
}
