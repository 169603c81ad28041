using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Running;

namespace Strata.Benchmarks.Scenarios;

/// <summary>
/// New posts one statement at a time in one transaction: what code that creates records as they come
/// costs. EF Core's AddRange+SaveChanges is here as the reference the budget compares with.
/// </summary>
[Scenario(7, "Insert in a loop, one transaction", "insert loop")]
public class InsertLoopBenchmarks : InsertScenarioBase
{
    protected override int Rows => RunSettings.Current.InsertLoopRows;

    /// <summary>One prepared INSERT run per row.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> AdoNet() => Libraries.AdoNet.InsertLoopAsync(PostRows);

    /// <summary>Not a library: the same hand-written loop reading each new row back (INSERT ... RETURNING), the work Strata's Create does.</summary>
    [Benchmark]
    public Task<int> AdoNetReturning() => Libraries.AdoNet.InsertLoopReturningAsync(PostRows);

    [Benchmark]
    public Task<int> Dapper() => Libraries.Dapper.InsertLoopAsync(PostRows);

    [Benchmark]
    public Task<int> EfCoreAddRange() => Libraries.EfCore.AddRangeAsync(PostRows);

    /// <summary>CreateAsync per row inside TransactionAsync; each returns the created record.</summary>
    [Benchmark]
    public Task<int> Strata() => Libraries.Strata.CreateLoopAsync(PostCreates);
}
