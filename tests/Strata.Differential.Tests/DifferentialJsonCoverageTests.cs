using System.Text.Json.Nodes;
using Strata.Differential.Engine;
using Strata.Differential.Tests.Data;
using Xunit.Abstractions;

namespace Strata.Differential.Tests;

/// <summary>The generated queries of the read suite hold Json filters of every kind, on paths that reach values and on paths that miss.</summary>
public class DifferentialJsonCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void The_read_suite_generates_every_json_filter_with_reached_and_missing_paths()
    {
        var data = WorldData.Generate(DifferentialReadTests.Seed);
        var conds = Enumerable.Range(0, DifferentialReadTests.Cases)
            .Select(i => new CaseGenerator(new Random(CaseSeed.Of(DifferentialReadTests.Seed, "reads", i)), data, WorldModel.Roots).Query())
            .SelectMany(q => Conds(q.Where).Concat(q.Includes.Concat(q.Counts).SelectMany(Included)))
            .OfType<JsonCond>().ToList();
        var documents = data.Members.Select(m => m.Meta).Where(m => m != null).ToList();
        int reached = conds.Count(c => !c.Root && documents.Any(d => JsonSemantics.At(d, c.Path).Found));
        int missing = conds.Count(c => !c.Root && !documents.Any(d => JsonSemantics.At(d, c.Path).Found));
        var byOperator = conds.GroupBy(c => c.Op).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{conds.Count} Json filters: {string.Join(", ", byOperator.Select(p => p.Key + " " + p.Value))}; {conds.Count(c => c.Root)} on whole documents; paths reaching a stored value {reached}, missing in every document {missing}.");
        foreach (var op in Enum.GetValues<JsonOperator>()) Assert.True(byOperator.GetValueOrDefault(op) > 0, $"no {op} among the generated filters");
        Assert.True(conds.Count(c => c.Root) > 0 && reached > conds.Count / 3 && missing > 0);
        Assert.Contains(conds, c => c.Value is JsonObject or JsonArray);
    }

    private static IEnumerable<Cond> Included(IncludeCase include) => Conds(include.Where).Concat(include.Includes.SelectMany(Included));

    private static IEnumerable<Cond> Conds(Cond? cond) => cond switch
    {
        null => [],
        AndCond and => [and, .. and.Parts.SelectMany(Conds)],
        NotCond not => [not, .. Conds(not.Inner)],
        RelCond rel => [rel, .. Conds(rel.Inner)],
        _ => [cond],
    };
}
