using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Scenarios;

/// <summary>One statement that changes two fields of the 500 posts of the first 50 authors.</summary>
[Scenario(8, "Update many (500 rows)", "update many")]
public class UpdateManyBenchmarks : ScenarioBase
{
    private int _call;

    private int NextLikes() => Workload.LikesFor(_call++);

    [Benchmark(Baseline = true)]
    public Task<int> AdoNet() => Libraries.AdoNet.UpdateManyAsync(NextLikes());

    [Benchmark]
    public Task<int> Dapper() => Libraries.Dapper.UpdateManyAsync(NextLikes());

    [Benchmark]
    public Task<int> EfCoreExecuteUpdate() => Libraries.EfCore.UpdateManyAsync(NextLikes());

    [Benchmark]
    public Task<int> Strata() => Libraries.Strata.UpdateManyAsync(NextLikes());
}
