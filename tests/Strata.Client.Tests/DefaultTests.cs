using System.Text.RegularExpressions;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

public partial class DefaultTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public Task Id_functions_and_literals(StrataProvider provider) => WithClient(provider, async db =>
    {
        var tokens = new List<Token>();
        for (int i = 0; i < 20; i++) tokens.Add(await db.Tokens.CreateAsync(new TokenCreate()));
        foreach (var t in tokens)
        {
            Assert.Matches(CuidPattern(), t.Cuid);
            Assert.Matches(UlidPattern(), t.Ulid);
            Assert.Matches(NanoPattern(), t.Nano);
            Assert.Equal(8, t.Short.Length);
            Assert.Equal(7, Guid.Parse(t.V7).Version);
            Assert.Equal(4, Guid.Parse(t.V4).Version);
            Assert.Equal(("none", 42, 42), (t.Label, t.Count, t.Seq)); // Seq: dbgenerated, computed by the database and read back
        }
        Assert.Equal(20, tokens.Select(t => t.Cuid).Distinct().Count());
        Assert.Equal(20, tokens.Select(t => t.Nano).Distinct().Count());
        // ulid and uuid v7 sort by creation time.
        Assert.True(string.CompareOrdinal(tokens[0].Ulid[..10], tokens[^1].Ulid[..10]) <= 0);
        Assert.True(string.CompareOrdinal(tokens[0].V7[..13], tokens[^1].V7[..13]) <= 0);
        // A value given wins over the default.
        var given = await db.Tokens.CreateAsync(new TokenCreate { Cuid = "mine", Label = "x", Count = 1, Seq = 7 });
        Assert.Equal(("mine", "x", 1, 7), (given.Cuid, given.Label, given.Count, given.Seq));
    });

    [GeneratedRegex("^c[0-9a-z]{24}$")]
    private static partial Regex CuidPattern();

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{26}$")]
    private static partial Regex UlidPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{21}$")]
    private static partial Regex NanoPattern();
}
