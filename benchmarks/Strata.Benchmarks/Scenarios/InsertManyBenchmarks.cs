using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Running;

namespace Strata.Benchmarks.Scenarios;

/// <summary>Many new posts at once, each library's bulk path against the provider's fastest hand-written one.</summary>
[Scenario(6, "Insert many (bulk)", "insert many")]
public class InsertManyBenchmarks : InsertScenarioBase
{
    protected override int Rows => RunSettings.Current.InsertManyRows(Provider);

    /// <summary>Prepared INSERTs in one transaction on SQLite, binary COPY on PostgreSQL.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> AdoNet() => Libraries.AdoNet.BulkInsertAsync(PostRows);

    [Benchmark]
    public Task<int> Dapper() => Libraries.Dapper.InsertManyAsync(PostRows);

    [Benchmark]
    public Task<int> EfCoreAddRange() => Libraries.EfCore.AddRangeAsync(PostRows);

    [Benchmark]
    public Task<int> Strata() => Libraries.Strata.CreateManyAsync(PostCreates);
}
