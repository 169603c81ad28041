using BenchmarkDotNet.Attributes;

namespace Strata.Benchmarks.Scenarios;

/// <summary>The number of posts the page's filter keeps.</summary>
[Scenario(4, "Count", "count")]
public class CountBenchmarks : ScenarioBase
{
    [Benchmark(Baseline = true)]
    public Task<int> AdoNet() => Libraries.AdoNet.CountAsync();

    [Benchmark]
    public Task<int> Dapper() => Libraries.Dapper.CountAsync();

    /// <summary>A count tracks nothing, so EF Core has one plain variant and one compiled.</summary>
    [Benchmark]
    public Task<int> EfCoreNoTracking() => Libraries.EfCore.CountAsync();

    [Benchmark]
    public Task<int> EfCoreCompiled() => Libraries.EfCore.CountCompiledAsync();

    [Benchmark]
    public Task<int> Strata() => Libraries.Strata.CountAsync();
}
