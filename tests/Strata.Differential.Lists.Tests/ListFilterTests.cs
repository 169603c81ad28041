using System.Text;
using Strata.Differential.Engine;
using Strata.Differential.Lists.Tests.Shelf;
using Xunit.Abstractions;

namespace Strata.Differential.Lists.Tests;

/// <summary>
/// Generated queries whose filters include PostgreSQL's scalar-list operators (has, hasSome,
/// hasEvery, isEmpty, equals), also inside relation filters and includes, against the oracle.
/// STRATA_DIFF_SEED and STRATA_DIFF_CASES set the seed and the count, as in Strata.Differential.Tests.
/// </summary>
public class ListFilterTests(ITestOutputHelper output)
{
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("STRATA_DIFF_SEED"), out var s) ? s : 20261202;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("STRATA_DIFF_CASES"), out var n) ? n : 400;

    [Fact]
    public async Task Generated_queries_with_list_filters_give_the_oracles_rows_on_postgresql()
    {
        var data = ShelfData.Generate(Seed);
        var (url, _) = await SchemaDatabase.CreateAsync(StrataProvider.PostgreSql, Path.Combine("Schema", "lists.prisma"));
        var log = new StatementLog();
        await using var db = new ShelfDb(log.Options(url));
        await db.Items.CreateManyAsync(data.Items.Select(i => new ItemCreate { Id = i.Id, Name = i.Name, Tags = i.Tags, Scores = i.Scores, Colors = i.Colors, Prices = i.Prices }));
        await db.Parts.CreateManyAsync(data.Parts.Select(p => new PartCreate { Id = p.Id, ItemId = p.ItemId, Labels = p.Labels, Sizes = p.Sizes }));

        var evaluator = new Evaluator(data, data, Semantics.Postgres);
        Task<string?> Difference(QueryCase query) => QueryComparison.DifferenceAsync(evaluator, db, query);

        int lists = 0;
        for (int i = 0; i < Cases; i++)
        {
            var query = new CaseGenerator(new Random(CaseSeed.Of(Seed, "lists", i)), data, ShelfModel.Roots).Query();
            if (query.ToString().Contains(".Has", StringComparison.Ordinal) || query.ToString().Contains("IsEmpty", StringComparison.Ordinal)) lists++;
            if (await Difference(query) == null) continue;
            var minimal = await Shrinker.ShrinkAsync(query, async q => await Difference(q) != null);
            log.Clear();
            var report = new StringBuilder($"Case {i} of seed {Seed} differs from the oracle on PostgreSQL (shrunk):\n  {minimal}\n{await Difference(minimal)}\nSQL:\n");
            foreach (var line in log.Lines) report.AppendLine("  " + line);
            Assert.Fail(report.ToString());
        }
        Assert.True(lists > Cases / 10, $"only {lists} of {Cases} queries used a list filter");
        output.WriteLine($"{Cases} generated queries ({lists} with list filters, seed {Seed}) matched the oracle on PostgreSQL.");
    }
}
