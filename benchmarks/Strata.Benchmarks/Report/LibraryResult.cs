using System.Reflection;
using BenchmarkDotNet.Reports;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Scenarios;

namespace Strata.Benchmarks.Report;

/// <summary>
/// One benchmark's result: a library in a scenario on a provider, with its ratios to hand-written
/// ADO.NET in the same run. Times are medians of the measured iterations: on a machine that other
/// work keeps busy, a burst of load moves the median of a few iterations less than their mean.
/// </summary>
public sealed record LibraryResult(
    Type Scenario, string Method, Provider Provider, double? MedianNanoseconds, double? ErrorNanoseconds, long? AllocatedBytes,
    double? TimeRatio, double? AllocationRatio)
{
    public string ScenarioTitle => Scenario.GetCustomAttribute<ScenarioAttribute>()!.Title;

    public int ScenarioOrder => Scenario.GetCustomAttribute<ScenarioAttribute>()!.Order;

    /// <summary>Every benchmark of the summaries, with ratios to the baseline of its scenario and provider.</summary>
    public static List<LibraryResult> From(IEnumerable<Summary> summaries)
    {
        var raw = new List<(Type Type, string Method, Provider Provider, bool Baseline, double? Median, double? Error, long? Allocated)>();
        foreach (var summary in summaries)
        {
            // In each class's declared order (they run in another: see Running.PairedOrderer).
            foreach (var report in summary.Reports.OrderBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.MetadataToken))
            {
                var benchmark = report.BenchmarkCase;
                var stats = report.ResultStatistics;
                raw.Add((benchmark.Descriptor.Type, benchmark.Descriptor.WorkloadMethod.Name, (Provider)benchmark.Parameters["Provider"]!,
                    benchmark.Descriptor.Baseline, stats?.Median, stats?.ConfidenceInterval.Margin,
                    report.Success ? report.GcStats.GetBytesAllocatedPerOperation(benchmark) : null));
            }
        }
        return raw.Select(r =>
        {
            var baseline = raw.FirstOrDefault(b => b.Baseline && b.Type == r.Type && b.Provider == r.Provider);
            double? timeRatio = r.Median is { } median && baseline.Median is { } baseMedian && baseMedian > 0 ? median / baseMedian : null;
            double? allocationRatio = r.Allocated is { } bytes && baseline.Allocated is { } baseBytes && baseBytes > 0 ? (double)bytes / baseBytes : null;
            return new LibraryResult(r.Type, r.Method, r.Provider, r.Median, r.Error, r.Allocated, timeRatio, allocationRatio);
        }).ToList();
    }
}
