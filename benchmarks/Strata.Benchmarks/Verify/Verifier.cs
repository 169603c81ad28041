using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Libraries;
using Strata.Benchmarks.Libraries.Strata;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Verify;

/// <summary>
/// Runs before anything is measured: every library's result of every read scenario must equal the
/// seed data (and so each other's), and every write scenario must leave the same rows. The first
/// difference stops the run with the library, the scenario and the first line that differs.
/// </summary>
public static class Verifier
{
    public static async Task VerifyAsync(Provider provider, TextWriter log)
    {
        var set = LibrarySet.For(provider);
        var seedPosts = SeedData.PostRows();
        int checks = 0;

        void Same(string scenario, string library, string expected, string actual)
        {
            checks++;
            Compare(provider, scenario, library, expected, actual);
        }

        foreach (int key in new[] { 1, Workload.KeyFor(499), SeedData.Posts, SeedData.Posts + 1 })
        {
            var expected = Canonical.Post(seedPosts.FirstOrDefault(p => p.Id == key));
            var scenario = $"one row by key {key}";
            Same(scenario, "ADO.NET", expected, Canonical.Post(await set.AdoNet.OneByKeyAsync(key)));
            Same(scenario, "ADO.NET pooled", expected, Canonical.Post(await set.AdoNet.OneByKeyPooledAsync(key)));
            Same(scenario, "Dapper", expected, Canonical.Post(await set.Dapper.OneByKeyAsync(key)));
            Same(scenario, "EF Core tracking", expected, Canonical.Post(await set.EfCore.OneByKeyAsync(key)));
            Same(scenario, "EF Core no-tracking", expected, Canonical.Post(await set.EfCore.OneByKeyNoTrackingAsync(key)));
            Same(scenario, "EF Core compiled", expected, Canonical.Post(await set.EfCore.OneByKeyCompiledAsync(key)));
            Same(scenario, "Strata", expected, Canonical.Post(await set.Strata.OneByKeyAsync(key)));
        }

        var all = Canonical.Posts(seedPosts, ordered: false);
        Same("1,000 rows", "ADO.NET", all, Canonical.Posts(await set.AdoNet.AllPostsAsync(), ordered: false));
        Same("1,000 rows", "Dapper", all, Canonical.Posts(await set.Dapper.AllPostsAsync(), ordered: false));
        Same("1,000 rows", "EF Core tracking", all, Canonical.Posts(await set.EfCore.AllPostsAsync(), ordered: false));
        Same("1,000 rows", "EF Core no-tracking", all, Canonical.Posts(await set.EfCore.AllPostsNoTrackingAsync(), ordered: false));
        Same("1,000 rows", "EF Core compiled", all, Canonical.Posts(await set.EfCore.AllPostsCompiledAsync(), ordered: false));
        Same("1,000 rows", "Strata", all, Canonical.Posts(await set.Strata.AllPostsAsync(), ordered: false));

        var pageRows = seedPosts.Where(p => p.Views >= Workload.MinViews).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip(Workload.PageSkip).Take(Workload.PageTake).ToList();
        if (pageRows.Count != Workload.PageTake) throw new VerificationException($"The seed holds only {pageRows.Count} rows for the page scenario.");
        var page = Canonical.Posts(pageRows, ordered: true);
        Same("page", "ADO.NET", page, Canonical.Posts(await set.AdoNet.PageAsync(), ordered: true));
        Same("page", "Dapper", page, Canonical.Posts(await set.Dapper.PageAsync(), ordered: true));
        Same("page", "EF Core tracking", page, Canonical.Posts(await set.EfCore.PageAsync(), ordered: true));
        Same("page", "EF Core no-tracking", page, Canonical.Posts(await set.EfCore.PageNoTrackingAsync(), ordered: true));
        Same("page", "EF Core compiled", page, Canonical.Posts(await set.EfCore.PageCompiledAsync(), ordered: true));
        Same("page", "Strata", page, Canonical.Posts(await set.Strata.PageAsync(), ordered: true));

        var count = seedPosts.Count(p => p.Views >= Workload.MinViews).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Same("count", "ADO.NET", count, (await set.AdoNet.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Same("count", "Dapper", count, (await set.Dapper.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Same("count", "EF Core", count, (await set.EfCore.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Same("count", "EF Core compiled", count, (await set.EfCore.CountCompiledAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Same("count", "Strata", count, (await set.Strata.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var users = SeedUsers(seedPosts);
        Same("relations", "ADO.NET", users, Canonical.Users(await set.AdoNet.UsersWithPostsAndCommentsAsync()));
        Same("relations", "Dapper", users, Canonical.Users(await set.Dapper.UsersWithPostsAndCommentsAsync()));
        Same("relations", "EF Core single query", users, Canonical.Users(await set.EfCore.UsersWithPostsAndCommentsAsync()));
        Same("relations", "EF Core split query", users, Canonical.Users(await set.EfCore.UsersWithPostsAndCommentsSplitAsync()));
        Same("relations", "Strata", users, Canonical.Users(await set.Strata.UsersWithPostsAndCommentsAsync()));

        checks += await VerifyWritesAsync(set);
        log.WriteLine($"Verified {provider}: {checks} results agree.");
    }

    /// <summary>Throws when <paramref name="actual"/> differs from <paramref name="expected"/>, showing the first line that differs.</summary>
    private static void Compare(Provider provider, string scenario, string library, string expected, string actual)
    {
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        throw new VerificationException(
            $"{provider}, {scenario}: {library} returned different data from the expected ({a.Length} lines against {e.Length}); first difference at line {line + 1}:\n" +
            $"  expected: {(line < e.Length ? e[line] : "(end)")}\n  actual:   {(line < a.Length ? a[line] : "(end)")}");
    }

    /// <summary>Each write path inserts the same rows (or makes the same update); the table must then hold exactly what was asked.</summary>
    private static async Task<int> VerifyWritesAsync(LibrarySet set)
    {
        var inserts = new (string Library, Func<List<PostRow>, Task<int>> Insert)[]
        {
            ("ADO.NET bulk", rows => set.AdoNet.BulkInsertAsync(rows)),
            ("ADO.NET loop", rows => set.AdoNet.InsertLoopAsync(rows)),
            ("ADO.NET loop returning", rows => set.AdoNet.InsertLoopReturningAsync(rows)),
            ("Dapper many", rows => set.Dapper.InsertManyAsync(rows)),
            ("Dapper loop", rows => set.Dapper.InsertLoopAsync(rows)),
            ("EF Core AddRange", rows => set.EfCore.AddRangeAsync(rows)),
            ("Strata CreateMany", rows => set.Strata.CreateManyAsync(rows.ConvertAll(StrataLibrary.ToCreate))),
            ("Strata Create loop", rows => set.Strata.CreateLoopAsync(rows.ConvertAll(StrataLibrary.ToCreate))),
        };
        int checks = 0;
        foreach (var (library, insert) in inserts)
        {
            var rows = SeedData.NewPostRows(50, seed: 7);
            var expected = string.Join("\n", rows.Select(r => Canonical.Post(r, withId: false)));
            int written = await insert(rows);
            var stored = (await set.AdoNet.AllPostsAsync()).Where(p => p.Id > SeedData.Posts).OrderBy(p => p.Id).ToList();
            await Seeder.RemoveAddedPostsAsync(set.AdoNet.Connection);
            var actual = string.Join("\n", stored.Select(r => Canonical.Post(r, withId: false)));
            checks++;
            Compare(set.Database.Provider, "insert", library, expected, actual);
            if (written != rows.Count)
                throw new VerificationException($"{set.Database.Provider}, insert: {library} stored {stored.Count} rows and reported {written}.");
        }

        var updates = new (string Library, Func<int, Task<int>> Update)[]
        {
            ("ADO.NET", set.AdoNet.UpdateManyAsync),
            ("Dapper", set.Dapper.UpdateManyAsync),
            ("EF Core ExecuteUpdate", set.EfCore.UpdateManyAsync),
            ("Strata", set.Strata.UpdateManyAsync),
        };
        int likes = 7_000;
        foreach (var (library, update) in updates)
        {
            likes++;
            var expected = SeedData.PostRows();
            foreach (var p in expected.Where(p => p.AuthorId <= Workload.UpdateMaxAuthorId))
            {
                p.Likes = likes;
                p.UpdatedAt = Workload.UpdatedAt;
            }
            int changed = await update(likes);
            var actual = Canonical.Posts(await set.AdoNet.AllPostsAsync(), ordered: false);
            checks++;
            Compare(set.Database.Provider, "update many", library, Canonical.Posts(expected, ordered: false), actual);
            if (changed != Workload.UpdateMaxAuthorId * SeedData.PostsPerUser)
                throw new VerificationException($"{set.Database.Provider}, update many: {library} reported {changed} changed rows.");
        }
        return checks;
    }

    private static string SeedUsers(List<PostRow> posts)
    {
        var users = SeedData.UserRows();
        var comments = SeedData.CommentRows();
        Stitching.AttachComments(posts, comments);
        Stitching.AttachPosts(users, posts);
        return Canonical.Users(users);
    }
}
