using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Data;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Scenarios;

/// <summary>All 100 users with their 1,000 posts and those posts' 5,000 comments.</summary>
[Scenario(5, "100 users x 10 posts x 5 comments", "relations")]
public class RelationsBenchmarks : ScenarioBase
{
    /// <summary>Hand-written batched queries: one per level, children by their parents' keys.</summary>
    [Benchmark(Baseline = true)]
    public Task<List<UserRow>> AdoNet() => Libraries.AdoNet.UsersWithPostsAndCommentsAsync();

    [Benchmark]
    public Task<List<UserRow>> Dapper() => Libraries.Dapper.UsersWithPostsAndCommentsAsync();

    [Benchmark]
    public Task<List<UserRow>> EfCoreSingleQuery() => Libraries.EfCore.UsersWithPostsAndCommentsAsync();

    [Benchmark]
    public Task<List<UserRow>> EfCoreSplitQuery() => Libraries.EfCore.UsersWithPostsAndCommentsSplitAsync();

    [Benchmark]
    public Task<List<User>> Strata() => Libraries.Strata.UsersWithPostsAndCommentsAsync();
}
