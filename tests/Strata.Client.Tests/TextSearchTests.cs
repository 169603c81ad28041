using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>
/// Full-text search (Prisma's <c>search</c> and <c>_relevance</c>): PostgreSQL's to_tsvector/to_tsquery
/// (and websearch_to_tsquery), and Strata's own matcher on SQLite, which gives the same rows as
/// PostgreSQL's <c>simple</c> configuration for the queries here.
/// </summary>
public class TextSearchTests : ClientTest
{
    private static readonly string[] Titles = ["The cats are running", "A dog runs fast", "Cats and dogs", "Running late", "Nothing here"];

    /// <summary>Full-text search runs on SQLite and PostgreSQL; MySQL refuses it (below).</summary>
    public static TheoryData<StrataProvider> SearchProviders => new() { StrataProvider.Sqlite, StrataProvider.PostgreSql };

    [Fact]
    public Task MySQL_refuses_a_search_with_a_clear_error_before_running_anything() => WithClient(StrataProvider.MySql, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        var search = await Assert.ThrowsAsync<StrataException>(() => Titled(db, p => p.Title.Search("cat")));
        Assert.Equal("P2009", search.Code);
        Assert.Contains("not supported on mysql", search.Message);
        var relevance = await Assert.ThrowsAsync<StrataException>(() => db.Posts.OrderBy(p => FullText.Relevance([p.Title], "cat")).FindManyAsync());
        Assert.Equal("P2009", relevance.Code);
    });

    private static async Task SeedTitlesAsync(BlogDb db, params string[] titles)
    {
        var author = await db.Users.CreateAsync(new UserCreate { Email = "author@example.com" });
        foreach (var title in titles) await db.Posts.CreateAsync(new PostCreate { Title = title, AuthorId = author.Id });
    }

    private static async Task<string[]> Titled(BlogDb db, Func<PostWhere, Filter> where) =>
        (await db.Posts.Where(where).OrderBy(p => p.Title).FindManyAsync()).Select(p => p.Title).ToArray();

    [Fact]
    public Task Search_follows_to_tsquery_with_english_stemming() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        // english: cats -> cat, runs and running -> run; "a", "the", "and", "are" are stop words.
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cat", "english")));
        Assert.Equal(S("Cats and dogs"), await Titled(db, p => p.Title.Search("cat & dog", "english")));
        Assert.Equal(S("A dog runs fast", "Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cat | dog", "english")));
        Assert.Equal(S("A dog runs fast", "Running late"), await Titled(db, p => p.Title.Search("run & !cat", "english")));
        Assert.Equal(S("A dog runs fast"), await Titled(db, p => p.Title.Search("dog <-> run", "english")));
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("run <-> dog", "english")));
        Assert.Equal(S("A dog runs fast", "Running late", "The cats are running"), await Titled(db, p => p.Title.Search("(running | ran) & !dogs:*", "english") || p.Title.Search("dog <-> runs", "english")));
        // simple: no stemming, so "cat" is not "cats".
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("cat", "simple")));
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cats", "simple")));
        Assert.Equal(S("A dog runs fast", "Nothing here", "Running late"), await Titled(db, p => !p.Title.Search("cats", "simple")));
    });

    [Fact]
    public Task Search_without_a_configuration_uses_the_databases_default() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        var configuration = (await db.QueryRawAsync<string>($"SELECT current_setting('default_text_search_config')")).Single();
        // "dogs" stems to "dog" in english only; "late" is itself in every configuration.
        var expected = configuration == "pg_catalog.english" ? S("A dog runs fast", "Cats and dogs") : S();
        Assert.Equal(expected, await Titled(db, p => p.Title.Search("dog & !cat | dog & cat")));
        Assert.Equal(S("Running late"), await Titled(db, p => p.Title.Search("late")));
    });

    [Theory, MemberData(nameof(SearchProviders))]
    public Task A_null_field_matches_neither_a_search_nor_its_negation(StrataProvider provider) => WithClient(provider, async db =>
    {
        await db.Users.CreateAsync(new UserCreate { Email = "a@example.com", Name = "Ann Smith" });
        await db.Users.CreateAsync(new UserCreate { Email = "b@example.com", Name = null });
        await db.Users.CreateAsync(new UserCreate { Email = "c@example.com", Name = "Bob" });
        Assert.Equal(["a@example.com"], (await db.Users.Where(u => u.Name.Search("smith", "simple")).FindManyAsync()).Select(u => u.Email));
        Assert.Equal(["c@example.com"], (await db.Users.Where(u => !u.Name.Search("smith", "simple")).FindManyAsync()).Select(u => u.Email));
        Assert.Equal(["c@example.com"], (await db.Users.Where(u => u.Name.Search("-smith", SearchSyntax.Web, "simple")).FindManyAsync()).Select(u => u.Email));
    });

    [Fact]
    public Task Relevance_orders_every_record_by_ts_rank() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        await SeedTitlesAsync(db, "cat", "cat cat dog", "dog", "cat cat cat", "bird");
        // More occurrences rank higher; records that do not match rank 0 and stay (here ordered by title after).
        var best = await db.Posts.OrderBy(p => FullText.Relevance([p.Title], "cat", "english").Desc()).OrderBy(p => p.Title).FindManyAsync();
        Assert.Equal(["cat cat cat", "cat cat dog", "cat", "bird", "dog"], best.Select(p => p.Title));
        var worst = await db.Posts.OrderBy(p => FullText.Relevance([p.Title], "cat", "english")).OrderBy(p => p.Title).Take(3).FindManyAsync();
        Assert.Equal(["bird", "dog", "cat"], worst.Select(p => p.Title));
        // With a filter, and over several fields (joined by a space; a null field is empty).
        var dogs = await db.Posts.Where(p => p.Title.Search("dog", "english")).OrderBy(p => FullText.Relevance([p.Title, p.Id], "cat | dog", "english").Desc()).FindManyAsync();
        Assert.Equal(["cat cat dog", "dog"], dogs.Select(p => p.Title));
        // The author's name is null (empty text); x's name and email both match, so x ranks first.
        await db.Users.CreateAsync(new UserCreate { Email = "x@example.com", Name = "x@example.com" });
        await db.Users.CreateAsync(new UserCreate { Email = "y@example.com", Name = "nobody" });
        var users = await db.Users.OrderBy(u => FullText.Relevance([u.Name, u.Email], "author@example.com | x@example.com", "simple").Desc()).OrderBy(u => u.Email).FindManyAsync();
        Assert.Equal(["x@example.com", "author@example.com", "y@example.com"], users.Select(u => u.Email));
    });

    [Theory, MemberData(nameof(SearchProviders))]
    public async Task Hostile_strings_are_query_text_never_sql(StrataProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // One client for all: most of these are tsquery syntax errors, failing again and again on one connection
        // (see PreparedStatementRecoveryTests), and every query after them still runs.
        await using var db = database.Client();
        await SeedTitlesAsync(db, Titles);
        foreach (var value in HostileStringTests.Corpus)
        {
            // A string outside to_tsquery's syntax is error P2009 (on PostgreSQL from its syntax error 42601); none reaches SQL as text.
            try { Assert.DoesNotContain("Nothing here", await Titled(db, p => p.Title.Search(value, "simple"))); }
            catch (StrataException e) when (e.Code == "P2009") { Assert.Contains("to_tsquery's syntax", e.Message); }
            try { Assert.Equal(5, (await db.Posts.OrderBy(p => FullText.Relevance([p.Title], value, "simple")).FindManyAsync()).Count); }
            catch (StrataException e) when (e.Code == "P2009") { Assert.Contains("to_tsquery's syntax", e.Message); }
            // A search box's syntax accepts any text.
            Assert.DoesNotContain("Nothing here", await Titled(db, p => p.Title.Search(value, SearchSyntax.Web, "simple")));
            Assert.Equal(5, (await db.Posts.OrderBy(p => FullText.Relevance([p.Title], value, SearchSyntax.Web, "simple").Desc()).FindManyAsync()).Count);
            Assert.Equal(5, await db.Posts.CountAsync());
        }
    }

    [Fact]
    public Task Search_reads_text_fields_only_and_a_cursor_does_not_page_by_relevance() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        var notText = Assert.Throws<StrataException>(() => db.Posts.OrderBy(p => FullText.Relevance([p.Views], "cat")));
        Assert.Equal("P2009", notText.Code);
        var post = await db.Posts.FindFirstOrThrowAsync();
        var cursor = await Assert.ThrowsAsync<StrataException>(() => db.Posts.OrderBy(p => FullText.Relevance([p.Title], "cat")).Cursor(p => p.Id == post.Id).FindManyAsync());
        Assert.Equal("P2009", cursor.Code);
    });

    [Theory, MemberData(nameof(SearchProviders))]
    public Task Search_follows_to_tsquery_syntax_on_both_providers(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cats", "simple")));
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("CATS")));
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("cat", "simple")));
        Assert.Equal(S("Cats and dogs"), await Titled(db, p => p.Title.Search("cats & dogs", "simple")));
        Assert.Equal(S("A dog runs fast", "Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cats | dog", "simple")));
        Assert.Equal(S("Running late"), await Titled(db, p => p.Title.Search("running & !cats", "simple")));
        Assert.Equal(S("A dog runs fast", "Nothing here", "Running late"), await Titled(db, p => p.Title.Search("!cats", "simple")));
        Assert.Equal(S("A dog runs fast"), await Titled(db, p => p.Title.Search("dog <-> runs", "simple")));
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("runs <-> dog", "simple")));
        Assert.Equal(S("The cats are running"), await Titled(db, p => p.Title.Search("cats <2> running", "simple")));
        Assert.Equal(S("The cats are running"), await Titled(db, p => p.Title.Search("'cats are'", "simple")));
        Assert.Equal(S("A dog runs fast", "Cats and dogs"), await Titled(db, p => p.Title.Search("(cats | dog) <-> (and | runs)", "simple")));
        Assert.Equal(S("A dog runs fast", "Running late", "The cats are running"), await Titled(db, p => p.Title.Search("run:*", "simple")));
        Assert.Equal(S("A dog runs fast", "Running late"), await Titled(db, p => p.Title.Search("run:* & !(cat:* <-> are)", "simple")));
        // A text's words carry weight D; another weight matches none.
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cats:D", "simple")));
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cats:", "simple")));
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("cats:AB", "simple")));
        // A query without words matches nothing; an operand without words drops out with its operator.
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("", "simple")));
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cats & --", "simple")));
        // Combined with other filters, and ordered by relevance.
        var published = await db.Posts.Where(p => p.Title.Search("cats | dog", "simple") && !p.Title.StartsWith("A")).OrderBy(p => p.Title).FindManyAsync();
        Assert.Equal(["Cats and dogs", "The cats are running"], published.Select(p => p.Title));
    });

    [Theory, MemberData(nameof(SearchProviders))]
    public Task Search_works_in_relation_filters_includes_counts_and_updates(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        await db.Users.CreateAsync(new UserCreate { Email = "quiet@example.com" });
        var dogOwners = await db.Users.Where(u => u.Posts.Some(p => p.Title.Search("dog | dogs", "simple"))).FindManyAsync();
        Assert.Equal(["author@example.com"], dogOwners.Select(u => u.Email));
        var withCats = await db.Users.Where(u => u.Email == "author@example.com").Include(u => u.Posts.Where(p => p.Title.Search("cats", SearchSyntax.Web, "simple")).OrderBy(p => p.Title)).FindManyAsync();
        Assert.Equal(["Cats and dogs", "The cats are running"], withCats.Single().Posts!.Select(p => p.Title));
        Assert.Equal(4, await db.Posts.Where(p => p.Title.Search("run:* | dogs", "simple")).CountAsync());
        Assert.Equal(2, await db.Posts.Where(p => p.Title.Search("cats", "simple")).UpdateManyAsync(new PostUpdate { Published = true }));
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Published));
        Assert.Equal(1, await db.Posts.Where(p => p.Title.Search("\"nothing here\"", SearchSyntax.Web, "simple")).DeleteManyAsync());
        Assert.Equal(4, await db.Posts.CountAsync());
    });

    [Fact]
    public async Task Sqlite_gives_postgresqls_rows_for_edge_cases_of_both_syntaxes()
    {
        string[] titles = [.. Titles, "cats cats running", "running cats are", "the dogs are running late", "cat-like dogs"];
        (string Query, SearchSyntax Syntax)[] queries =
        [
            ("(cats & are) <-> running", SearchSyntax.TsQuery), ("cats <0> cats", SearchSyntax.TsQuery), ("'cats are' <-> running", SearchSyntax.TsQuery),
            ("cats <-> (running | are)", SearchSyntax.TsQuery), ("(cats <-> are) | (dogs <-> are)", SearchSyntax.TsQuery), ("are <2> late", SearchSyntax.TsQuery),
            ("!!cats", SearchSyntax.TsQuery), ("!(cats | dogs) & running", SearchSyntax.TsQuery), ("cat <-> like", SearchSyntax.TsQuery), ("cat-like", SearchSyntax.TsQuery),
            ("ru:* & !run:*", SearchSyntax.TsQuery), ("!cats <-> running", SearchSyntax.TsQuery), ("cats <-> !dogs", SearchSyntax.TsQuery), ("dogs <-> !cats", SearchSyntax.TsQuery), ("late <-> !dogs", SearchSyntax.TsQuery),
            ("!late <-> !dogs", SearchSyntax.TsQuery), ("(!cats <-> running) <-> late", SearchSyntax.TsQuery), ("!cats <2> are", SearchSyntax.TsQuery),
            ("!(cats <-> are)", SearchSyntax.TsQuery), ("cats <-> are <-> running", SearchSyntax.TsQuery), ("cats <-> (are <-> running)", SearchSyntax.TsQuery),
            ("(cats | dogs) <-> are & running", SearchSyntax.TsQuery), ("'cat-like'", SearchSyntax.TsQuery), ("cat:*<->dogs", SearchSyntax.TsQuery), ("CATS:d", SearchSyntax.TsQuery),
            ("cats <1> running", SearchSyntax.TsQuery), ("running <-> late | !dogs", SearchSyntax.TsQuery), ("'don''t'", SearchSyntax.TsQuery), ("cats:*", SearchSyntax.TsQuery), ("'' | cats", SearchSyntax.TsQuery), ("cats & ! --", SearchSyntax.TsQuery),
            ("cats or", SearchSyntax.Web), ("or cats", SearchSyntax.Web), ("-", SearchSyntax.Web), ("\"cats", SearchSyntax.Web), ("cats -", SearchSyntax.Web),
            ("cats or -dogs", SearchSyntax.Web), ("\"\"", SearchSyntax.Web), ("\"cats running\" or \"dogs are\"", SearchSyntax.Web), ("cat-like", SearchSyntax.Web),
            ("-cats -dogs", SearchSyntax.Web), ("running or or late", SearchSyntax.Web), ("!cats & |dogs", SearchSyntax.Web), ("'cats are'", SearchSyntax.Web),
            ("- cats", SearchSyntax.Web), ("--cats", SearchSyntax.Web), ("cats or,dogs", SearchSyntax.Web), ("cats or-dogs", SearchSyntax.Web), ("or", SearchSyntax.Web),
            ("cats or or dogs", SearchSyntax.Web), ("cats -or dogs", SearchSyntax.Web), ("cats \"or\" dogs", SearchSyntax.Web), ("cats OR dogs", SearchSyntax.Web), ("-\"cats are\"", SearchSyntax.Web),
            ("cats or \"dogs are\"", SearchSyntax.Web), ("cats or -", SearchSyntax.Web), ("cats-", SearchSyntax.Web), ("(cats or dogs) running", SearchSyntax.Web),
        ];
        var rows = new Dictionary<StrataProvider, List<string>>();
        foreach (var provider in new[] { StrataProvider.Sqlite, StrataProvider.PostgreSql })
        {
            await using var database = await TestDatabase.CreateAsync(provider);
            await using var db = database.Client();
            await SeedTitlesAsync(db, titles);
            var found = rows[provider] = [];
            foreach (var (query, syntax) in queries)
            {
                try { found.Add($"{syntax} {query}: " + string.Join(", ", await Titled(db, p => p.Title.Search(query, syntax, "simple")))); }
                catch (StrataException e) when (e.Code == "P2009") { found.Add($"{syntax} {query}: P2009"); }
            }
        }
        var differ = rows[StrataProvider.PostgreSql].Zip(rows[StrataProvider.Sqlite]).Where(p => p.First != p.Second).Select(p => $"PostgreSQL {p.First} | SQLite {p.Second}");
        Assert.True(!differ.Any(), string.Join("\n", differ));
    }

    [Theory, MemberData(nameof(SearchProviders))]
    public Task A_query_outside_to_tsquerys_syntax_is_P2009_on_both_providers(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        foreach (var query in new[] { "cat dog", "cat &", "(cat", "cat)", "& cat", "cat <-", "cat <x> dog", "'cat", "cat:x", "!", "()" })
        {
            var filter = await Assert.ThrowsAsync<StrataException>(() => db.Posts.Where(p => p.Title.Search(query, "simple")).FindManyAsync());
            Assert.Equal("P2009", filter.Code);
            Assert.Contains("to_tsquery's syntax", filter.Message);
            Assert.Contains("SearchSyntax.Web", filter.Message);
            var order = await Assert.ThrowsAsync<StrataException>(() => db.Posts.OrderBy(p => FullText.Relevance([p.Title], query, "simple")).FindManyAsync());
            Assert.Equal("P2009", order.Code);
        }
        Assert.Equal(5, await db.Posts.CountAsync());
    });

    [Theory, MemberData(nameof(SearchProviders))]
    public Task Long_chains_run_and_deep_nesting_is_an_error_not_a_crash(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        // PostgreSQL's own limit is its stack (a chain of 20,000 is its error 54001, stack depth limit exceeded); SQLite's has none.
        int length = provider == StrataProvider.Sqlite ? 20_000 : 1_000;
        var chain = string.Join(" & ", Enumerable.Repeat("cats", length));
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search(chain, "simple")));
        var words = string.Join(" ", Enumerable.Repeat("cats", length));
        Assert.Equal(S("Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search(words, SearchSyntax.Web, "simple")));
        foreach (var deep in new[] { new string('(', 100_000) + "cats" + new string(')', 100_000), new string('!', 100_000) + "cats", string.Join(" <-> ", Enumerable.Repeat("cats", 5_000)) })
        {
            // PostgreSQL refuses these too deep for its own stack (54001, P2010) or not: SQLite's matcher refuses them (P2009).
            try { await Titled(db, p => p.Title.Search(deep, "simple")); Assert.Equal(StrataProvider.PostgreSql, provider); }
            catch (StrataException e) when (e.Code == "P2009" || (e.Code == "P2010" && provider == StrataProvider.PostgreSql)) { }
        }
        Assert.Equal(5, await db.Posts.CountAsync());
    });

    [Theory, MemberData(nameof(SearchProviders))]
    public Task The_web_syntax_reads_a_search_box_on_both_providers(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedTitlesAsync(db, Titles);
        Assert.Equal(S("Cats and dogs"), await Titled(db, p => p.Title.Search("cats dogs", SearchSyntax.Web, "simple")));
        Assert.Equal(S("The cats are running"), await Titled(db, p => p.Title.Search("\"cats are\"", SearchSyntax.Web, "simple")));
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("\"are cats\"", SearchSyntax.Web, "simple")));
        Assert.Equal(S("A dog runs fast", "Cats and dogs", "The cats are running"), await Titled(db, p => p.Title.Search("cats or fast", SearchSyntax.Web, "simple")));
        Assert.Equal(S("Running late"), await Titled(db, p => p.Title.Search("running -cats", SearchSyntax.Web, "simple")));
        Assert.Equal(S("A dog runs fast", "Nothing here", "Running late"), await Titled(db, p => p.Title.Search("-cats", SearchSyntax.Web, "simple")));
        // "and" binds tighter than "or"; to_tsquery's operators are only punctuation here.
        Assert.Equal(S("Cats and dogs", "Nothing here"), await Titled(db, p => p.Title.Search("cats dogs or nothing", SearchSyntax.Web, "simple")));
        Assert.Equal(S("Cats and dogs"), await Titled(db, p => p.Title.Search("cats & (dogs", SearchSyntax.Web, "simple")));
        Assert.Equal(S(), await Titled(db, p => p.Title.Search("", SearchSyntax.Web)));
        var best = await db.Posts.OrderBy(p => FullText.Relevance([p.Title], "cats or dogs", SearchSyntax.Web, "simple").Desc()).OrderBy(p => p.Title).Take(2).FindManyAsync();
        Assert.Equal(["Cats and dogs", "The cats are running"], best.Select(p => p.Title));
    });

    [Theory, MemberData(nameof(SearchProviders))]
    public Task Relevance_ranks_more_occurrences_higher_on_both_providers(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedTitlesAsync(db, "cat", "cat cat dog", "dog", "cat cat cat", "bird");
        var best = await db.Posts.OrderBy(p => FullText.Relevance([p.Title], "cat", "simple").Desc()).OrderBy(p => p.Title).FindManyAsync();
        Assert.Equal(["cat cat cat", "cat cat dog", "cat", "bird", "dog"], best.Select(p => p.Title));
        var page = await db.Posts.Where(p => p.Title.Search("cat | dog", "simple") && p.Title != "dog")
            .OrderBy(p => FullText.Relevance([p.Title], "cat | dog", "simple").Desc()).Skip(1).Take(1).FindManyAsync();
        Assert.Equal(["cat cat cat"], page.Select(p => p.Title));
        // Several fields joined by a space, a null one as empty text; the author's name is null.
        await db.Users.CreateAsync(new UserCreate { Email = "x@example.com", Name = "x@example.com" });
        await db.Users.CreateAsync(new UserCreate { Email = "y@example.com", Name = "nobody" });
        var users = await db.Users.OrderBy(u => FullText.Relevance([u.Name, u.Email], "author@example.com | x@example.com", "simple").Desc()).OrderBy(u => u.Email).FindManyAsync();
        Assert.Equal(["x@example.com", "author@example.com", "y@example.com"], users.Select(u => u.Email));
        // PostgreSQL keeps an email address as one lexeme; SQLite reads its words.
        Assert.Equal(["x@example.com"], (await db.Users.Where(u => u.Email.Search("x@example.com", "simple")).FindManyAsync()).Select(u => u.Email));
        var byWord = (await db.Users.Where(u => u.Email.Search("x", "simple")).FindManyAsync()).Select(u => u.Email);
        Assert.Equal(provider == StrataProvider.Sqlite ? ["x@example.com"] : [], byWord);
    });

    [Fact]
    public Task Sqlite_folds_case_and_accents_and_refuses_a_stemming_configuration() => WithClient(StrataProvider.Sqlite, async db =>
    {
        await SeedTitlesAsync(db, "Café crème", "CAFE au lait", "Zoë Ωμέγα 日本語", "naïve-approach", "Nothing here");
        Assert.Equal(S("CAFE au lait", "Café crème"), await Titled(db, p => p.Title.Search("cafe")));
        Assert.Equal(S("CAFE au lait", "Café crème"), await Titled(db, p => p.Title.Search("CAFÉ")));
        Assert.Equal(S("Café crème"), await Titled(db, p => p.Title.Search("creme & caf:*")));
        Assert.Equal(S("Zoë Ωμέγα 日本語"), await Titled(db, p => p.Title.Search("zoe <-> ωμεγα")));
        Assert.Equal(S("naïve-approach"), await Titled(db, p => p.Title.Search("naive <-> approach")));
        Assert.Equal(S("naïve-approach"), await Titled(db, p => p.Title.Search("naive-approach")));
        Assert.Equal(S("CAFE au lait", "Café crème"), await Titled(db, p => p.Title.Search("cafe", "pg_catalog.Simple")));
        // No stemming: a configuration that stems is refused rather than ignored.
        var english = await Assert.ThrowsAsync<StrataException>(() => db.Posts.Where(p => p.Title.Search("cafe", "english")).FindManyAsync());
        Assert.Equal("P2009", english.Code);
        Assert.Contains("stemming", english.Message);
        var order = await Assert.ThrowsAsync<StrataException>(() => db.Posts.OrderBy(p => FullText.Relevance([p.Title], "cafe", SearchSyntax.Web, "english")).FindManyAsync());
        Assert.Equal("P2009", order.Code);
        // The functions are the connection's, so raw SQL reaches them too, with anything: an error, never a crash.
        Assert.Equal([1L], await db.QueryRawAsync<long>($"SELECT strata_search({"caf:*"}, 0, {"Café"})"));
        Assert.Equal([0L], await db.QueryRawAsync<long>($"SELECT strata_search({(string?)null}, 1, {"cafe"})"));
        var malformed = await Assert.ThrowsAsync<StrataException>(() => db.QueryRawAsync<long>($"SELECT strata_search({"cat dog"}, 0, {"cat"})"));
        Assert.Contains("to_tsquery's syntax", malformed.Message);
        var arity = await Assert.ThrowsAsync<StrataException>(() => db.QueryRawAsync<double>($"SELECT strata_rank({"cat"}, 0)"));
        Assert.Contains("strata_rank", arity.Message);
        Assert.Equal(5, await db.Posts.CountAsync());
    });
}
