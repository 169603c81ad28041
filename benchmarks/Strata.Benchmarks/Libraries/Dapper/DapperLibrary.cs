using System.Data.Common;
using Dapper;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Libraries.Dapper;

/// <summary>
/// Dapper as its documentation shows it: SQL by hand, parameters from an anonymous object, rows
/// mapped to <see cref="PostRow"/> by column name. Each operation opens a pooled connection from the
/// driver's data source and returns it, as an application (and Strata's client) does.
/// </summary>
public sealed class DapperLibrary : IAsyncDisposable
{
    private readonly DbDataSource _dataSource;
    private readonly string _postsOfAuthors, _commentsOfPosts;
    private readonly bool _sqlite;

    public DapperLibrary(BenchDatabase database)
    {
        StoredTimeHandler.Register();
        _sqlite = database.Provider == Provider.Sqlite;
        _dataSource = _sqlite
            ? Microsoft.Data.Sqlite.SqliteFactory.Instance.CreateDataSource(database.ConnectionString)
            : Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        _postsOfAuthors = Sql.PostsOfAuthors(database.Provider);
        _commentsOfPosts = Sql.CommentsOfPosts(database.Provider);
    }

    public async Task<PostRow?> OneByKeyAsync(int id)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<PostRow>(Sql.OneByKey, new { id });
    }

    public async Task<List<PostRow>> AllPostsAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<PostRow>(Sql.AllPosts)).AsList();
    }

    public async Task<List<PostRow>> PageAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<PostRow>(Sql.Page, new { minViews = Workload.MinViews, take = Workload.PageTake, skip = Workload.PageSkip })).AsList();
    }

    public async Task<int> CountAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(Sql.Count, new { minViews = Workload.MinViews });
    }

    /// <summary>One query per level, children by their parents' keys, stitched in memory (Dapper maps rows, not graphs).</summary>
    public async Task<List<UserRow>> UsersWithPostsAndCommentsAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var users = (await connection.QueryAsync<UserRow>(Sql.Users)).AsList();
        var posts = (await connection.QueryAsync<PostRow>(_postsOfAuthors, new { ids = Keys(Stitching.Ids(users)) })).AsList();
        var postIds = Stitching.AttachPosts(users, posts);
        Stitching.AttachComments(posts, (await connection.QueryAsync<CommentRow>(_commentsOfPosts, new { ids = Keys(postIds) })).AsList());
        return users;
    }

    /// <summary>Dapper runs a command once per element of a list parameter; in one transaction.</summary>
    public async Task<int> InsertManyAsync(IReadOnlyList<PostRow> posts)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        int count = await connection.ExecuteAsync(Sql.InsertPost, posts, transaction);
        await transaction.CommitAsync();
        return count;
    }

    /// <summary>One ExecuteAsync per row in one transaction.</summary>
    public async Task<int> InsertLoopAsync(IReadOnlyList<PostRow> posts)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        int count = 0;
        foreach (var post in posts) count += await connection.ExecuteAsync(Sql.InsertPost, post, transaction);
        await transaction.CommitAsync();
        return count;
    }

    public async Task<int> UpdateManyAsync(int likes)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync(Sql.UpdateMany, new { likes, updatedAt = Workload.UpdatedAt, maxAuthorId = Workload.UpdateMaxAuthorId });
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // SQLite takes the keys as one JSON text (json_each); Npgsql sends an int[] as one array parameter.
    private object Keys(int[] ids) => _sqlite ? Stitching.JsonArray(ids) : ids;
}
