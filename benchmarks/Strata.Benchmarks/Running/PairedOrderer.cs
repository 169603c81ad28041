using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;

namespace Strata.Benchmarks.Running;

/// <summary>
/// Runs Strata right after the hand-written baseline of the same scenario and provider, then the
/// other libraries. The budget is Strata's ratio to that baseline; run seconds apart instead of a
/// minute, both meet about the same load on a machine that other work keeps busy. The report keeps
/// the classes' declared order (<see cref="Report.LibraryResult"/>).
/// </summary>
public sealed class PairedOrderer() : DefaultOrderer(SummaryOrderPolicy.Default, MethodOrderPolicy.Declared)
{
    public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null)
    {
        // GroupBy keeps the order in which the groups first appear, and each group's own order.
        foreach (var group in base.GetExecutionOrder(benchmarksCase, order).GroupBy(c => (c.Descriptor.Type, c.Parameters.DisplayInfo)))
        {
            foreach (var c in group.OrderBy(Rank)) yield return c;
        }
    }

    private static int Rank(BenchmarkCase c) => c.Descriptor.Baseline ? 0 : c.Descriptor.WorkloadMethod.Name == "Strata" ? 1 : 2;
}
