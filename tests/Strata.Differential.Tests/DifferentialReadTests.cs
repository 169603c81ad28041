using System.Text;
using Strata.Differential.Engine;
using Strata.Differential.Tests.Data;
using Xunit.Abstractions;

namespace Strata.Differential.Tests;

/// <summary>
/// Generated queries run on every provider; each result must equal the same query evaluated by
/// LINQ to objects over the same rows in memory (Oracle/Evaluator). A fixed seed and a few
/// hundred cases by default; STRATA_DIFF_SEED and STRATA_DIFF_CASES set others for long runs.
/// Each query also runs as a Select of the same fields, relations and counts, which must print the
/// same rows. A failure prints the shrunk query, both results and the SQL that ran.
/// </summary>
public class DifferentialReadTests(WorldFixture world, ITestOutputHelper output) : IClassFixture<WorldFixture>
{
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("STRATA_DIFF_SEED"), out var s) ? s : 20261202;

    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable("STRATA_DIFF_CASES"), out var n) ? n : 400;

    [Fact]
    public async Task Generated_queries_give_the_oracles_rows_on_every_provider()
    {
        int checkedCases = 0;
        for (int i = 0; i < Cases; i++)
        {
            var query = new CaseGenerator(new Random(CaseSeed.Of(Seed, "reads", i)), world.Data, WorldModel.Roots).Query();
            foreach (var database in world.Databases)
            {
                if (await DifferenceAsync(database, query) == null) continue;
                var minimal = await Shrinker.ShrinkAsync(query, async q => await DifferenceAsync(database, q) != null);
                Assert.Fail(await ReportAsync(database, minimal, i));
            }
            checkedCases++;
        }
        output.WriteLine($"{checkedCases} generated queries (seed {Seed}) matched the oracle on {world.Databases.Count} providers.");
    }

    private Task<string?> DifferenceAsync(WorldDatabase database, QueryCase query) =>
        QueryComparison.DifferenceAsync(new Evaluator(world.Data, world.Index, Semantics.For(database.Provider)), database.Client, query);

    private async Task<string> ReportAsync(WorldDatabase database, QueryCase query, int index)
    {
        database.Log.Clear();
        var difference = await DifferenceAsync(database, query);
        var report = new StringBuilder();
        report.AppendLine($"Case {index} of seed {Seed} differs from the oracle on {database.Provider} (shrunk):");
        report.AppendLine("  " + query);
        report.AppendLine(difference);
        report.AppendLine("SQL:");
        foreach (var line in database.Log.Lines) report.AppendLine("  " + line);
        return report.ToString();
    }
}
