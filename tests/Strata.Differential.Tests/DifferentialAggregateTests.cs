using System.Text;
using Strata.Differential.Engine;
using Strata.Differential.Tests.Data;
using Xunit.Abstractions;

namespace Strata.Differential.Tests;

/// <summary>
/// Generated aggregates and groups (count, count of a field, distinct count, sum, average, minimum,
/// maximum over a filtered, ordered and paged query; GroupBy with HAVING on the count, order and
/// take of groups) on every provider, each equal to LINQ to objects over the same rows. Seed and
/// count from STRATA_DIFF_SEED and STRATA_DIFF_AGGREGATES for long runs.
/// </summary>
public class DifferentialAggregateTests(WorldFixture world, ITestOutputHelper output) : IClassFixture<WorldFixture>
{
    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable("STRATA_DIFF_AGGREGATES"), out var n) ? n : 250;

    [Fact]
    public async Task Generated_aggregates_and_groups_give_the_oracles_values_on_every_provider()
    {
        int groups = 0;
        for (int i = 0; i < Cases; i++)
        {
            var random = new Random(CaseSeed.Of(DifferentialReadTests.Seed, "aggregate", i));
            var cases = new CaseGenerator(random, world.Data, WorldModel.Roots);
            var (model, _) = WorldModel.Roots[random.Next(WorldModel.Roots.Length)];
            var aggregate = AggregateCase.Generate(random, cases, model);
            if (aggregate.By.Length > 0) groups++;
            foreach (var database in world.Databases)
            {
                var difference = await DifferenceAsync(database, aggregate);
                if (difference == null) continue;
                database.Log.Clear();
                await DifferenceAsync(database, aggregate);
                var report = new StringBuilder($"Aggregate case {i} of seed {DifferentialReadTests.Seed} differs from the oracle on {database.Provider}:\n  {aggregate}\n{difference}\nSQL:\n");
                foreach (var line in database.Log.Lines) report.AppendLine("  " + line);
                Assert.Fail(report.ToString());
            }
        }
        output.WriteLine($"{Cases} generated aggregates ({groups} of them grouped) matched the oracle on {world.Databases.Count} providers.");
    }

    private async Task<string?> DifferenceAsync(WorldDatabase database, AggregateCase aggregate)
    {
        var semantics = Semantics.For(database.Provider);
        if (semantics.RefusesSearch && aggregate.UsesSearch) return await QueryComparison.RefusalAsync(() => aggregate.Model.RunAggregate!(database.Client, aggregate));
        var evaluator = new Evaluator(world.Data, world.Index, semantics);
        var records = aggregate.By.Length == 0 ? evaluator.Apply(aggregate, aggregate.Model, aggregate.Model.Rows(world.Data)) : evaluator.Apply(aggregate with { Order = [], Skip = null, Take = null }, aggregate.Model, aggregate.Model.Rows(world.Data));
        var expected = aggregate.Text(aggregate.Expected(records, semantics));
        string[] actual;
        try
        {
            actual = aggregate.Text(await aggregate.Model.RunAggregate!(database.Client, aggregate));
        }
        catch (Exception e)
        {
            return $"it threw {e.GetType().Name}: {e.Message}";
        }
        return expected.SequenceEqual(actual) ? null
            : "results differ\n  expected:\n    " + string.Join("\n    ", expected) + "\n  actual:\n    " + string.Join("\n    ", actual);
    }
}
