using Microsoft.Data.Sqlite;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Libraries.AdoNet;

/// <summary>
/// Hand-written ADO.NET on SQLite, the limit the others are measured against: one connection kept
/// open, every command prepared once and run again with new values, rows read by ordinal.
/// </summary>
public sealed class SqliteAdoNet : AdoNetLibrary
{
    private readonly string _connectionString;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _one, _all, _page, _count, _users, _postsOf, _commentsOf, _insert, _insertReturning, _update;

    private SqliteAdoNet(string connectionString, SqliteConnection connection)
    {
        _connectionString = connectionString;
        _connection = connection;
        _one = Prepare(Sql.OneByKey, "@id");
        _all = Prepare(Sql.AllPosts);
        _page = Prepare(Sql.Page, "@minViews", "@take", "@skip");
        _count = Prepare(Sql.Count, "@minViews");
        _users = Prepare(Sql.Users);
        _postsOf = Prepare(Sql.PostsOfAuthors(Provider.Sqlite), "@ids");
        _commentsOf = Prepare(Sql.CommentsOfPosts(Provider.Sqlite), "@ids");
        _insert = Prepare(Sql.InsertPost, "@AuthorId", "@Title", "@Body", "@Slug", "@Views", "@Likes", "@Rank", "@Rating", "@Flags", "@CreatedAt", "@UpdatedAt", "@PublishedAt");
        _insertReturning = Prepare(Sql.InsertPostReturning, "@AuthorId", "@Title", "@Body", "@Slug", "@Views", "@Likes", "@Rank", "@Rating", "@Flags", "@CreatedAt", "@UpdatedAt", "@PublishedAt");
        _update = Prepare(Sql.UpdateMany, "@likes", "@updatedAt", "@maxAuthorId");
    }

    public static async Task<SqliteAdoNet> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return new SqliteAdoNet(connectionString, connection);
    }

    public override System.Data.Common.DbConnection Connection => _connection;

    public override async Task<PostRow?> OneByKeyAsync(int id)
    {
        _one.Parameters[0].Value = id;
        await using var reader = await _one.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Readers.Post<SqliteDates>(reader) : null;
    }

    public override async Task<PostRow?> OneByKeyPooledAsync(int id)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql.OneByKey;
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Readers.Post<SqliteDates>(reader) : null;
    }

    public override Task<List<PostRow>> AllPostsAsync() => Readers.PostsAsync<SqliteDates>(_all);

    public override Task<List<PostRow>> PageAsync()
    {
        _page.Parameters[0].Value = Workload.MinViews;
        _page.Parameters[1].Value = Workload.PageTake;
        _page.Parameters[2].Value = Workload.PageSkip;
        return Readers.PostsAsync<SqliteDates>(_page);
    }

    public override async Task<int> CountAsync()
    {
        _count.Parameters[0].Value = Workload.MinViews;
        return Convert.ToInt32(await _count.ExecuteScalarAsync());
    }

    public override async Task<List<UserRow>> UsersWithPostsAndCommentsAsync()
    {
        var users = await Readers.UsersAsync(_users);
        _postsOf.Parameters[0].Value = Stitching.JsonArray(Stitching.Ids(users));
        var posts = await Readers.PostsAsync<SqliteDates>(_postsOf);
        var postIds = Stitching.AttachPosts(users, posts);
        _commentsOf.Parameters[0].Value = Stitching.JsonArray(postIds);
        Stitching.AttachComments(posts, await Readers.CommentsAsync<SqliteDates>(_commentsOf));
        return users;
    }

    /// <summary>On SQLite the fastest bulk insert is the prepared loop itself: one transaction, the statement compiled once.</summary>
    public override Task<int> BulkInsertAsync(IReadOnlyList<PostRow> posts) => InsertLoopAsync(posts);

    public override Task<int> InsertLoopAsync(IReadOnlyList<PostRow> posts) => InsertLoopAsync(_insert, posts, returning: false);

    public override Task<int> InsertLoopReturningAsync(IReadOnlyList<PostRow> posts) => InsertLoopAsync(_insertReturning, posts, returning: true);

    private async Task<int> InsertLoopAsync(SqliteCommand insert, IReadOnlyList<PostRow> posts, bool returning)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        insert.Transaction = transaction;
        int returned = 0;
        var p = insert.Parameters;
        foreach (var post in posts)
        {
            p[0].Value = post.AuthorId;
            p[1].Value = post.Title;
            p[2].Value = post.Body;
            p[3].Value = (object?)post.Slug ?? DBNull.Value;
            p[4].Value = post.Views;
            p[5].Value = post.Likes;
            p[6].Value = post.Rank;
            p[7].Value = (object?)post.Rating ?? DBNull.Value;
            p[8].Value = post.Flags;
            p[9].Value = StoredTime.ToSqlite(post.CreatedAt);
            p[10].Value = StoredTime.ToSqlite(post.UpdatedAt);
            p[11].Value = post.PublishedAt is { } published ? StoredTime.ToSqlite(published) : DBNull.Value;
            if (!returning)
            {
                await insert.ExecuteNonQueryAsync();
                continue;
            }
            await using var reader = await insert.ExecuteReaderAsync();
            if (await reader.ReadAsync() && Readers.Post<SqliteDates>(reader).Id > 0) returned++;
        }
        await transaction.CommitAsync();
        insert.Transaction = null;
        return returning ? returned : posts.Count;
    }

    public override Task<int> UpdateManyAsync(int likes)
    {
        _update.Parameters[0].Value = likes;
        _update.Parameters[1].Value = StoredTime.ToSqlite(Workload.UpdatedAt);
        _update.Parameters[2].Value = Workload.UpdateMaxAuthorId;
        return _update.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _one, _all, _page, _count, _users, _postsOf, _commentsOf, _insert, _update }) await command.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        command.Prepare();
        return command;
    }
}
