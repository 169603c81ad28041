using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Data;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Scenarios;

/// <summary>One post (13 columns) by its key; each call reads the next post, as Dapper's benchmark does.</summary>
[Scenario(1, "One row by key", "one row")]
public class OneRowBenchmarks : ScenarioBase
{
    private int _call;

    private int NextKey() => Workload.KeyFor(_call++);

    [Benchmark(Baseline = true)]
    public Task<PostRow?> AdoNet() => Libraries.AdoNet.OneByKeyAsync(NextKey());

    /// <summary>Not a library: hand-written code with a pooled connection per call and no prepared command, to show what those two save.</summary>
    [Benchmark]
    public Task<PostRow?> AdoNetPooled() => Libraries.AdoNet.OneByKeyPooledAsync(NextKey());

    [Benchmark]
    public Task<PostRow?> Dapper() => Libraries.Dapper.OneByKeyAsync(NextKey());

    [Benchmark]
    public Task<PostRow?> EfCoreTracking() => Libraries.EfCore.OneByKeyAsync(NextKey());

    [Benchmark]
    public Task<PostRow?> EfCoreNoTracking() => Libraries.EfCore.OneByKeyNoTrackingAsync(NextKey());

    [Benchmark]
    public Task<PostRow?> EfCoreCompiled() => Libraries.EfCore.OneByKeyCompiledAsync(NextKey());

    [Benchmark]
    public Task<Post?> Strata() => Libraries.Strata.OneByKeyAsync(NextKey());
}
