using Strata.Benchmarks.ColdStart;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Running;
using Strata.Benchmarks.Scenarios;

namespace Strata.Benchmarks.Report;

/// <summary>One target of issue 10's budget and what this run measured for it; <see cref="Met"/> is null when the run did not measure it.</summary>
public sealed record BudgetLine(string Target, string Where, string Measured, bool? Met);

/// <summary>
/// Strata's budget, as ratios to hand-written ADO.NET in the same run (so the machine's speed and
/// load cancel out as far as they can): each target and whether this run met it.
/// </summary>
public static class Budget
{
    public static List<BudgetLine> Evaluate(List<LibraryResult> results, List<ColdStartResult>? coldStart, RunSettings settings)
    {
        var lines = new List<BudgetLine>();
        LibraryResult? Find(Type scenario, string method, Provider provider) =>
            results.FirstOrDefault(m => m.Scenario == scenario && m.Method == method && m.Provider == provider);

        void AtMost(string target, Provider provider, Type scenario, double limit, bool allocations = false, string? note = null)
        {
            var strata = Find(scenario, "Strata", provider);
            var ratio = allocations ? strata?.AllocationRatio : strata?.TimeRatio;
            lines.Add(new BudgetLine(target, Labels.Provider(provider) + (note == null ? "" : $" ({note})"), Format.Ratio(ratio), ratio is { } r ? r <= limit : null));
        }

        void Faster(string target, Provider provider, Type scenario, params string[] others)
        {
            var strata = Find(scenario, "Strata", provider);
            var rivals = others.Select(o => Find(scenario, o, provider)).ToList();
            if (strata?.MedianNanoseconds is not { } mine || rivals.Any(r => r?.MedianNanoseconds is null))
            {
                lines.Add(new BudgetLine(target, Labels.Provider(provider), "n/a", null));
                return;
            }
            var text = string.Join("; ", rivals.Select(r => $"Strata / {Labels.Of(scenario, r!.Method)} = {Format.Ratio(mine / r.MedianNanoseconds!.Value)}"));
            lines.Add(new BudgetLine(target, Labels.Provider(provider), text, rivals.All(r => mine < r!.MedianNanoseconds!.Value)));
        }

        foreach (var provider in Enum.GetValues<Provider>())
        {
            AtMost("One row by key: time at most 1.3x", provider, typeof(OneRowBenchmarks), 1.3);
            AtMost("One row by key: allocations at most 1.5x", provider, typeof(OneRowBenchmarks), 1.5, allocations: true);
            Faster("One row by key: faster than Dapper", provider, typeof(OneRowBenchmarks), "Dapper");
            AtMost("1,000 rows: time at most 1.05x", provider, typeof(ManyRowsBenchmarks), 1.05);
            AtMost("1,000 rows: allocations at most 1.10x", provider, typeof(ManyRowsBenchmarks), 1.10, allocations: true);
            AtMost("CreateMany: time at most 1.2x of the hand-written best", provider, typeof(InsertManyBenchmarks), 1.2,
                note: $"{settings.InsertManyRows(provider):N0} rows");
            AtMost("Create in a loop: time at most 1.5x of prepared inserts", provider, typeof(InsertLoopBenchmarks), 1.5,
                note: $"{settings.InsertLoopRows:N0} rows");
            // Each library's bulk path against the other's: EF Core's AddRange + SaveChanges batches its
            // INSERTs, so the comparison is with CreateMany, not with one statement (round trip) per row.
            var bulk = Find(typeof(InsertManyBenchmarks), "Strata", provider)?.MedianNanoseconds;
            var efAddRange = Find(typeof(InsertManyBenchmarks), "EfCoreAddRange", provider)?.MedianNanoseconds;
            lines.Add(new BudgetLine("CreateMany: at least 5x faster than EF Core AddRange + SaveChanges", Labels.Provider(provider) + $" ({settings.InsertManyRows(provider):N0} rows)",
                bulk is { } l && efAddRange is { } e ? $"EF Core / Strata = {Format.Ratio(e / l)}" : "n/a",
                bulk is { } l2 && efAddRange is { } e2 ? e2 / l2 >= 5 : null));
            AtMost("Relations: time at most 1.2x of hand-written batched queries", provider, typeof(RelationsBenchmarks), 1.2);
            Faster("Relations: faster than EF Core Include, single and split query", provider, typeof(RelationsBenchmarks), "EfCoreSingleQuery", "EfCoreSplitQuery");
        }

        var ado = coldStart?.FirstOrDefault(c => c.Program == "AdoNet");
        var ef = coldStart?.FirstOrDefault(c => c.Program == "EfCore");
        var strata = coldStart?.FirstOrDefault(c => c.Program == "Strata");
        lines.Add(strata != null && ado != null
            ? new BudgetLine("Cold start: at most 1.3x of hand-written (median launch)", "SQLite", Format.Ratio(strata.Median / ado.Median), strata.Median / ado.Median <= 1.3)
            : new BudgetLine("Cold start: at most 1.3x of hand-written (median launch)", "SQLite", "n/a", null));
        lines.Add(strata != null && ef != null
            ? new BudgetLine("Cold start: at most a third of EF Core's (median launch)", "SQLite", $"Strata / EF Core = {Format.Ratio(strata.Median / ef.Median)}", strata.Median <= ef.Median / 3)
            : new BudgetLine("Cold start: at most a third of EF Core's (median launch)", "SQLite", "n/a", null));
        return lines;
    }
}
