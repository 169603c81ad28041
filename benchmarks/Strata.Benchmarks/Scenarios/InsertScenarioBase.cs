using BenchmarkDotNet.Attributes;
using Strata.Benchmarks.Data;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Libraries.Strata;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Running;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Scenarios;

/// <summary>
/// An insert scenario: before every iteration the posts added by the last one are removed and fresh
/// inputs are made (EF Core writes the new keys into the objects it saved), so every iteration inserts
/// the same rows into the same table. An iteration is one call (see <see cref="WriteJobAttribute"/>).
/// </summary>
[WriteJob]
public abstract class InsertScenarioBase : ScenarioBase
{
    private int _iteration;

    /// <summary>How many rows each call inserts, for this scenario and provider (see <see cref="RunSettings"/>).</summary>
    protected abstract int Rows { get; }

    protected List<PostRow> PostRows { get; private set; } = [];

    protected List<PostCreate> PostCreates { get; private set; } = [];

    [IterationSetup]
    public void MakeInputs()
    {
        Seeder.RemoveAddedPostsAsync(Libraries.AdoNet.Connection).GetAwaiter().GetResult();
        PostRows = SeedData.NewPostRows(Rows, seed: 1_000 + _iteration++);
        PostCreates = PostRows.ConvertAll(StrataLibrary.ToCreate);
    }

    [GlobalCleanup]
    public void RemoveAddedPosts() => Seeder.RemoveAddedPostsAsync(Libraries.AdoNet.Connection).GetAwaiter().GetResult();
}
