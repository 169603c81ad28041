using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Data;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Scenarios;

/// <summary>All 1,000 posts, unfiltered and unordered.</summary>
[Scenario(2, "1,000 rows", "1,000 rows")]
public class ManyRowsBenchmarks : ScenarioBase
{
    [Benchmark(Baseline = true)]
    public Task<List<PostRow>> AdoNet() => Libraries.AdoNet.AllPostsAsync();

    [Benchmark]
    public Task<List<PostRow>> Dapper() => Libraries.Dapper.AllPostsAsync();

    [Benchmark]
    public Task<List<PostRow>> EfCoreTracking() => Libraries.EfCore.AllPostsAsync();

    [Benchmark]
    public Task<List<PostRow>> EfCoreNoTracking() => Libraries.EfCore.AllPostsNoTrackingAsync();

    [Benchmark]
    public Task<List<PostRow>> EfCoreCompiled() => Libraries.EfCore.AllPostsCompiledAsync();

    [Benchmark]
    public Task<List<Post>> Strata() => Libraries.Strata.AllPostsAsync();
}
