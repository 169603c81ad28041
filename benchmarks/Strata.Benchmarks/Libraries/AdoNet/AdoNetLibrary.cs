using System.Data.Common;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Libraries.AdoNet;

/// <summary>Hand-written ADO.NET, one class per provider: each written for its driver.</summary>
public abstract class AdoNetLibrary : IAsyncDisposable
{
    /// <summary>The open connection, for the benchmarks' setup steps (removing inserted rows).</summary>
    public abstract DbConnection Connection { get; }

    public abstract Task<PostRow?> OneByKeyAsync(int id);

    /// <summary>The same read as an application that opens a pooled connection per call and prepares nothing: what the limit saves.</summary>
    public abstract Task<PostRow?> OneByKeyPooledAsync(int id);

    public abstract Task<List<PostRow>> AllPostsAsync();

    public abstract Task<List<PostRow>> PageAsync();

    public abstract Task<int> CountAsync();

    /// <summary>Users, their posts and the posts' comments: one query per level, children by their parents' keys.</summary>
    public abstract Task<List<UserRow>> UsersWithPostsAndCommentsAsync();

    /// <summary>The provider's fastest way to insert many rows: prepared INSERTs in one transaction on SQLite, binary COPY on PostgreSQL.</summary>
    public abstract Task<int> BulkInsertAsync(IReadOnlyList<PostRow> posts);

    /// <summary>One prepared INSERT run per row in one transaction.</summary>
    public abstract Task<int> InsertLoopAsync(IReadOnlyList<PostRow> posts);

    /// <summary>One prepared INSERT ... RETURNING per row in one transaction, each new row read back: what Strata's Create does.</summary>
    public abstract Task<int> InsertLoopReturningAsync(IReadOnlyList<PostRow> posts);

    public abstract Task<int> UpdateManyAsync(int likes);

    public abstract ValueTask DisposeAsync();

    public static async Task<AdoNetLibrary> OpenAsync(BenchDatabase database) => database.Provider == Provider.Sqlite
        ? await SqliteAdoNet.OpenAsync(database.ConnectionString)
        : await PostgresAdoNet.OpenAsync(database.ConnectionString);
}
