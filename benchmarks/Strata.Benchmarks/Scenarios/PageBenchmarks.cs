using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Data;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Scenarios;

/// <summary>A page of 20 posts: filtered by views, newest first, after the first 20.</summary>
[Scenario(3, "Filtered, ordered page of 20", "page")]
public class PageBenchmarks : ScenarioBase
{
    [Benchmark(Baseline = true)]
    public Task<List<PostRow>> AdoNet() => Libraries.AdoNet.PageAsync();

    [Benchmark]
    public Task<List<PostRow>> Dapper() => Libraries.Dapper.PageAsync();

    [Benchmark]
    public Task<List<PostRow>> EfCoreTracking() => Libraries.EfCore.PageAsync();

    [Benchmark]
    public Task<List<PostRow>> EfCoreNoTracking() => Libraries.EfCore.PageNoTrackingAsync();

    [Benchmark]
    public Task<List<PostRow>> EfCoreCompiled() => Libraries.EfCore.PageCompiledAsync();

    [Benchmark]
    public Task<List<Post>> Strata() => Libraries.Strata.PageAsync();
}
