using System.Text.Json.Nodes;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>Json filters: documents equal by value, paths with their types, string and array tests, on both providers.</summary>
public class JsonFilterTests : ClientTest
{
    private static async Task<string[]> Emails(BlogDb db, Func<UserWhere, Filter> where) =>
        (await db.Users.Where(where).OrderBy(u => u.Email).FindManyAsync()).Select(u => u.Email.Split('@')[0]).ToArray();

    /// <summary>Stores <paramref name="json"/> as it is written, spacing, key order and escapes included (not as JsonNode would write it).</summary>
    private static async Task StoreRawAsync(BlogDb db, StrataProvider provider, string email, string json)
    {
        int changed = provider == StrataProvider.PostgreSql
            ? await db.ExecuteRawAsync($"UPDATE users SET settings = CAST({json} AS jsonb) WHERE email = {email}")
            : await db.ExecuteRawAsync($"UPDATE users SET settings = {json} WHERE email = {email}");
        Assert.Equal(1, changed);
    }

    private static async Task CreateAsync(BlogDb db, string name, JsonNode? settings) =>
        await db.Users.CreateAsync(new UserCreate { Email = name + "@example.com", Settings = settings });

    [Theory, MemberData(nameof(Providers))]
    public Task Documents_are_equal_by_value_whatever_their_key_order_spacing_escapes_and_number_spelling(StrataProvider provider) => WithClient(provider, async db =>
    {
        foreach (var name in new[] { "a", "b", "c", "d", "e" }) await CreateAsync(db, name, null);
        await StoreRawAsync(db, provider, "a@example.com", """{ "name" : "Ann", "tags": ["x", "y"], "n": 1 }""");
        await StoreRawAsync(db, provider, "b@example.com", """{"n":1.0,"tags":["x","y"],"\u006eame":"\u0041nn"}""");
        await StoreRawAsync(db, provider, "c@example.com", """{"n": 1e0, "name": "Ann", "tags": ["y", "x"]}""");   // array order matters
        await StoreRawAsync(db, provider, "d@example.com", """{"n": "1", "name": "Ann", "tags": ["x", "y"]}""");   // "1" is not 1

        var doc = JsonNode.Parse("""{"tags":["x","y"],"n":1,"name":"Ann"}""");
        // MariaDB compares keys and strings as their escaped text: b, stored by hand with \u escapes, is another document there (docs/providers.md).
        bool escapesCount = provider == StrataProvider.MySql;
        Assert.Equal(escapesCount ? S("a") : S("a", "b"), await Emails(db, u => u.Settings == doc));
        Assert.Equal(escapesCount ? S("b", "c", "d", "e") : S("c", "d", "e"), await Emails(db, u => u.Settings != doc));      // != keeps the null document, as for other fields
        Assert.Equal(escapesCount ? S("b", "c", "d") : S("c", "d"), await Emails(db, u => !(u.Settings == doc)));        // NOT leaves a null document out
        Assert.Equal(S("e"), await Emails(db, u => u.Settings == null));
        Assert.Equal(S("a", "b", "c", "d"), await Emails(db, u => u.Settings != null));
        Assert.Equal(S("c"), await Emails(db, u => u.Settings == JsonNode.Parse("""{"name":"Ann","tags":["y","x"],"n":1}""")));
        Assert.Equal(S(), await Emails(db, u => u.Settings == JsonNode.Parse("""{"name":"Ann","tags":["x","y"]}""")));  // a key fewer
        Assert.Equal(S(), await Emails(db, u => u.Settings == JsonNode.Parse("""{"name":"Ann","tags":["x","y"],"n":1,"m":null}""")));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Top_level_scalars_and_nested_documents_compare_by_type_and_value(StrataProvider provider) => WithClient(provider, async db =>
    {
        await CreateAsync(db, "int", JsonValue.Create(1));
        await CreateAsync(db, "text", JsonValue.Create("1"));
        await CreateAsync(db, "true", JsonValue.Create(true));
        await CreateAsync(db, "array", new JsonArray(1, new JsonObject { ["b"] = 2, ["a"] = new JsonArray() }));
        await CreateAsync(db, "jsonnull", JsonNode.Parse("{\"v\":null}"));
        Assert.Equal(S("int"), await Emails(db, u => u.Settings == 1));
        Assert.Equal(S("int"), await Emails(db, u => u.Settings == 1.0));
        Assert.Equal(S("text"), await Emails(db, u => u.Settings == "1"));
        Assert.Equal(S("true"), await Emails(db, u => u.Settings == true));
        Assert.Equal(S("array"), await Emails(db, u => u.Settings == JsonNode.Parse("""[1, {"a": [], "b": 2}]""")));
        Assert.Equal(S(), await Emails(db, u => u.Settings == JsonNode.Parse("""[{"a": [], "b": 2}, 1]""")));
        Assert.Equal(S("jsonnull"), await Emails(db, u => u.Settings == JsonNode.Parse("""{"v": null}""")));
        Assert.Equal(S(), await Emails(db, u => u.Settings == JsonNode.Parse("{}")));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Paths_compare_the_value_they_reach_by_type_and_a_missing_path_matches_nothing(StrataProvider provider) => WithClient(provider, async db =>
    {
        await CreateAsync(db, "one", JsonNode.Parse("""{"a": {"b": 1}, "list": [10, "x", {"k": true}], "s": "hello"}"""));
        await CreateAsync(db, "text", JsonNode.Parse("""{"a": {"b": "1"}, "list": [], "s": null}"""));
        await CreateAsync(db, "bool", JsonNode.Parse("""{"a": {"b": true}, "list": {"0": 10}}"""));
        await CreateAsync(db, "none", JsonNode.Parse("""{"z": 0}"""));
        await CreateAsync(db, "null", null);

        Assert.Equal(S("one"), await Emails(db, u => u.Settings.Path("a", "b") == 1));
        Assert.Equal(S("text"), await Emails(db, u => u.Settings.Path("a", "b") == "1"));
        Assert.Equal(S("bool"), await Emails(db, u => u.Settings.Path("a", "b") == true));
        Assert.Equal(S("one"), await Emails(db, u => u.Settings.Path("a") == JsonNode.Parse("""{"b": 1.00}""")));
        // != holds where the path holds another value; a missing path (or a null document) matches neither.
        Assert.Equal(S("bool", "text"), await Emails(db, u => u.Settings.Path("a", "b") != 1));
        Assert.Equal(S("bool", "text"), await Emails(db, u => !(u.Settings.Path("a", "b") == 1)));
        // C#'s null is JSON's null: present and null, not missing.
        Assert.Equal(S("text"), await Emails(db, u => u.Settings.Path("s") == null));
        Assert.Equal(S("one"), await Emails(db, u => u.Settings.Path("s") != null));
        // Array indexes; an object's key "0" is not index 0.
        Assert.Equal(S("one"), await Emails(db, u => u.Settings.Path("list", 0) == 10));
        Assert.Equal(S("one"), await Emails(db, u => u.Settings.Path("list", 2, "k") == true));
        Assert.Equal(S("bool"), await Emails(db, u => u.Settings.Path("list", "0") == 10));
        Assert.Equal(S(), await Emails(db, u => u.Settings.Path("list", 5) == 10));
        Assert.Equal(S(), await Emails(db, u => u.Settings.Path("s", 0) == "hello"));   // an index reads arrays only, not a string
        Assert.Equal(S(), await Emails(db, u => u.Settings.Path("a", 0, "b") == 1));
        Assert.Equal(S("none"), await Emails(db, u => u.Settings.Path() == JsonNode.Parse("""{"z": 0}""")));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task String_and_array_filters_hold_only_for_values_of_their_type(StrataProvider provider) => WithClient(provider, async db =>
    {
        await CreateAsync(db, "a", JsonNode.Parse("""{"s": "Hello World", "tags": ["red", 2, {"x": [1]}, null], "n": 5}"""));
        await CreateAsync(db, "b", JsonNode.Parse("""{"s": "hello", "tags": [], "n": "Hello World"}"""));
        await CreateAsync(db, "c", JsonNode.Parse("""{"s": 17, "tags": "red"}"""));
        await CreateAsync(db, "d", JsonValue.Create("Hello there"));
        await CreateAsync(db, "e", JsonNode.Parse("""["red", "blue"]"""));

        Assert.Equal(S("a"), await Emails(db, u => u.Settings.Path("s").StringContains("o W")));
        Assert.Equal(S("a", "b"), await Emails(db, u => u.Settings.Path("s").StringContains("ello")));
        Assert.Equal(S("a"), await Emails(db, u => u.Settings.Path("s").StringStartsWith("Hello")));   // by case
        Assert.Equal(S("b"), await Emails(db, u => u.Settings.Path("s").StringEndsWith("llo")));
        Assert.Equal(S("a", "b"), await Emails(db, u => u.Settings.Path("s").StringContains("")));   // every string
        Assert.Equal(S("c"), await Emails(db, u => !u.Settings.Path("s").StringContains("")));      // 17 is not a string; d and e have no "s"
        Assert.Equal(S("b"), await Emails(db, u => u.Settings.Path("n").StringEndsWith("World")));
        Assert.Equal(S("d"), await Emails(db, u => u.Settings.StringStartsWith("Hello")));           // the whole document

        Assert.Equal(S("a"), await Emails(db, u => u.Settings.Path("tags").ArrayContains("red")));   // c's "red" is a string, not an array
        Assert.Equal(S("a"), await Emails(db, u => u.Settings.Path("tags").ArrayContains(2, "red", null)));
        Assert.Equal(S("a"), await Emails(db, u => u.Settings.Path("tags").ArrayContains(JsonNode.Parse("""{"x": [1.0]}"""))));
        Assert.Equal(S(), await Emails(db, u => u.Settings.Path("tags").ArrayContains(JsonNode.Parse("""{"x": []}"""))));  // whole elements, not containment
        Assert.Equal(S(), await Emails(db, u => u.Settings.Path("tags").ArrayContains("2")));
        Assert.Equal(S("a", "b"), await Emails(db, u => u.Settings.Path("tags").ArrayContains()));    // no values: every array
        Assert.Equal(S("c"), await Emails(db, u => !u.Settings.Path("tags").ArrayContains()));
        Assert.Equal(S("a"), await Emails(db, u => u.Settings.Path("tags").ArrayStartsWith("red")));
        Assert.Equal(S("a"), await Emails(db, u => u.Settings.Path("tags").ArrayEndsWith(null)));
        Assert.Equal(S("a", "b", "c"), await Emails(db, u => !u.Settings.Path("tags").ArrayEndsWith("blue")));
        Assert.Equal(S("e"), await Emails(db, u => u.Settings.ArrayContains("blue") && u.Settings.ArrayEndsWith("blue")));
    });

    [Theory, MemberData(nameof(Providers))]
    public Task Hostile_strings_are_data_in_keys_values_and_text_of_json_filters(StrataProvider provider) => WithClient(provider, async db =>
    {
        var corpus = HostileStringTests.Corpus;
        for (int i = 0; i < corpus.Length; i++)
            await CreateAsync(db, "h" + i, new JsonObject { [corpus[i]] = corpus[i], ["list"] = new JsonArray(corpus[i]), ["v"] = corpus[i] });
        for (int i = 0; i < corpus.Length; i++)
        {
            var value = corpus[i];
            // Values equal to this one (the corpus holds "" and "    ": distinct, and only themselves).
            var expected = S("h" + i);
            if (provider == StrataProvider.MySql && value.StartsWith('-'))
            {
                // MariaDB cannot look such a key up (it reads it as an array index): refused, not an empty answer.
                Assert.Equal("P2009", (await Assert.ThrowsAsync<StrataException>(() => Emails(db, u => u.Settings.Path(value) == value))).Code);
                continue;
            }
            Assert.Equal(expected, await Emails(db, u => u.Settings.Path(value) == value));
            Assert.Equal(expected, await Emails(db, u => u.Settings.Path("v") == value));
            Assert.Equal(expected, await Emails(db, u => u.Settings.Path("list").ArrayContains(value)));
            Assert.Equal(expected, await Emails(db, u => u.Settings.Path("list", 0) == value));
            Assert.Equal(expected, await Emails(db, u => u.Settings == new JsonObject { ["v"] = value, ["list"] = new JsonArray(value), [value] = value }));
            Assert.Contains("h" + i, await Emails(db, u => u.Settings.Path("v").StringContains(value)));
            Assert.Contains("h" + i, await Emails(db, u => u.Settings.Path(value).StringStartsWith(value) && u.Settings.Path(value).StringEndsWith(value)));
        }
        // Wildcards are plain text: "%" is in "%" and "%_%" only.
        Assert.Equal(2, (await Emails(db, u => u.Settings.Path("v").StringContains("%"))).Length);
        Assert.Equal(corpus.Length, await db.Users.CountAsync());
    });

    [Theory, MemberData(nameof(Providers))]
    public Task A_lone_surrogate_in_a_json_filter_is_refused_before_anything_runs(StrataProvider provider) => WithClient(provider, async db =>
    {
        var key = Assert.Throws<ValueOutOfRangeException>(() => db.Users.Where(u => u.Settings.Path("\uD800") == 1));
        Assert.Equal("P2020", key.Code);
        var value = Assert.Throws<ValueOutOfRangeException>(() => db.Users.Where(u => u.Settings.Path("a").StringContains("x\uDC00")));
        Assert.Equal("P2020", value.Code);
        await Task.CompletedTask;
    });
}
