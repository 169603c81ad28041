using Npgsql;
using NpgsqlTypes;
using Strata.Benchmarks.Databases;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Libraries.AdoNet;

/// <summary>
/// Hand-written ADO.NET on PostgreSQL, the limit: one connection kept open, every command prepared
/// on the server once (parse and plan are skipped afterwards), typed parameters that do not box,
/// rows read by ordinal, and binary COPY for bulk inserts.
/// </summary>
public sealed class PostgresAdoNet : AdoNetLibrary
{
    private readonly string _connectionString;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _one, _all, _page, _count, _users, _postsOf, _commentsOf, _insert, _insertReturning, _update;
    private readonly NpgsqlParameter<int> _oneId, _pageMinViews, _pageTake, _pageSkip, _countMinViews, _updateLikes, _updateMaxAuthor;
    private readonly NpgsqlParameter<int[]> _postsOfIds, _commentsOfIds;
    private readonly NpgsqlParameter<DateTime> _updateAt;

    private PostgresAdoNet(string connectionString, NpgsqlConnection connection)
    {
        _connectionString = connectionString;
        _connection = connection;
        _one = Command(Sql.OneByKey, _oneId = Int("id"));
        _all = Command(Sql.AllPosts);
        _page = Command(Sql.Page, _pageMinViews = Int("minViews"), _pageTake = Int("take"), _pageSkip = Int("skip"));
        _count = Command(Sql.Count, _countMinViews = Int("minViews"));
        _users = Command(Sql.Users);
        _postsOf = Command(Sql.PostsOfAuthors(Provider.PostgreSql), _postsOfIds = IntArray("ids"));
        _commentsOf = Command(Sql.CommentsOfPosts(Provider.PostgreSql), _commentsOfIds = IntArray("ids"));
        _insert = Command(Sql.InsertPost,
            Int("AuthorId"), Text("Title"), Text("Body"), Text("Slug"), Int("Views"), Int("Likes"), Int("Rank"), NullableInt("Rating"), Int("Flags"),
            Time("CreatedAt"), Time("UpdatedAt"), NullableTime("PublishedAt"));
        _insertReturning = Command(Sql.InsertPostReturning,
            Int("AuthorId"), Text("Title"), Text("Body"), Text("Slug"), Int("Views"), Int("Likes"), Int("Rank"), NullableInt("Rating"), Int("Flags"),
            Time("CreatedAt"), Time("UpdatedAt"), NullableTime("PublishedAt"));
        _update = Command(Sql.UpdateMany, _updateLikes = Int("likes"), _updateAt = Time("updatedAt"), _updateMaxAuthor = Int("maxAuthorId"));
    }

    public static async Task<PostgresAdoNet> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var library = new PostgresAdoNet(connectionString, connection);
        foreach (var command in library.Commands) await command.PrepareAsync();
        return library;
    }

    public override System.Data.Common.DbConnection Connection => _connection;

    public override async Task<PostRow?> OneByKeyAsync(int id)
    {
        _oneId.TypedValue = id;
        await using var reader = await _one.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Readers.Post<PostgresDates>(reader) : null;
    }

    public override async Task<PostRow?> OneByKeyPooledAsync(int id)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql.OneByKey, connection);
        command.Parameters.Add(new NpgsqlParameter<int>("id", id));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Readers.Post<PostgresDates>(reader) : null;
    }

    public override Task<List<PostRow>> AllPostsAsync() => Readers.PostsAsync<PostgresDates>(_all);

    public override Task<List<PostRow>> PageAsync()
    {
        _pageMinViews.TypedValue = Workload.MinViews;
        _pageTake.TypedValue = Workload.PageTake;
        _pageSkip.TypedValue = Workload.PageSkip;
        return Readers.PostsAsync<PostgresDates>(_page);
    }

    public override async Task<int> CountAsync()
    {
        _countMinViews.TypedValue = Workload.MinViews;
        return checked((int)(long)(await _count.ExecuteScalarAsync())!);
    }

    public override async Task<List<UserRow>> UsersWithPostsAndCommentsAsync()
    {
        var users = await Readers.UsersAsync(_users);
        _postsOfIds.TypedValue = Stitching.Ids(users);
        var posts = await Readers.PostsAsync<PostgresDates>(_postsOf);
        _commentsOfIds.TypedValue = Stitching.AttachPosts(users, posts);
        Stitching.AttachComments(posts, await Readers.CommentsAsync<PostgresDates>(_commentsOf));
        return users;
    }

    public override async Task<int> BulkInsertAsync(IReadOnlyList<PostRow> posts) => checked((int)await PostgresCopy.WritePostsAsync(_connection, posts, withId: false));

    public override Task<int> InsertLoopAsync(IReadOnlyList<PostRow> posts) => InsertLoopAsync(_insert, posts, returning: false);

    public override Task<int> InsertLoopReturningAsync(IReadOnlyList<PostRow> posts) => InsertLoopAsync(_insertReturning, posts, returning: true);

    private async Task<int> InsertLoopAsync(NpgsqlCommand insert, IReadOnlyList<PostRow> posts, bool returning)
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        insert.Transaction = transaction;
        int returned = 0;
        var p = insert.Parameters;
        foreach (var post in posts)
        {
            ((NpgsqlParameter<int>)p[0]).TypedValue = post.AuthorId;
            ((NpgsqlParameter<string?>)p[1]).TypedValue = post.Title;
            ((NpgsqlParameter<string?>)p[2]).TypedValue = post.Body;
            ((NpgsqlParameter<string?>)p[3]).TypedValue = post.Slug;
            ((NpgsqlParameter<int>)p[4]).TypedValue = post.Views;
            ((NpgsqlParameter<int>)p[5]).TypedValue = post.Likes;
            ((NpgsqlParameter<int>)p[6]).TypedValue = post.Rank;
            ((NpgsqlParameter<int?>)p[7]).TypedValue = post.Rating;
            ((NpgsqlParameter<int>)p[8]).TypedValue = post.Flags;
            ((NpgsqlParameter<DateTime>)p[9]).TypedValue = StoredTime.ToPostgres(post.CreatedAt);
            ((NpgsqlParameter<DateTime>)p[10]).TypedValue = StoredTime.ToPostgres(post.UpdatedAt);
            ((NpgsqlParameter<DateTime?>)p[11]).TypedValue = post.PublishedAt is { } published ? StoredTime.ToPostgres(published) : null;
            if (!returning)
            {
                await insert.ExecuteNonQueryAsync();
                continue;
            }
            await using var reader = await insert.ExecuteReaderAsync();
            if (await reader.ReadAsync() && Readers.Post<PostgresDates>(reader).Id > 0) returned++;
        }
        await transaction.CommitAsync();
        insert.Transaction = null;
        return returning ? returned : posts.Count;
    }

    public override Task<int> UpdateManyAsync(int likes)
    {
        _updateLikes.TypedValue = likes;
        _updateAt.TypedValue = StoredTime.ToPostgres(Workload.UpdatedAt);
        _updateMaxAuthor.TypedValue = Workload.UpdateMaxAuthorId;
        return _update.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in Commands) await command.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private NpgsqlCommand[] Commands => [_one, _all, _page, _count, _users, _postsOf, _commentsOf, _insert, _insertReturning, _update];

    private NpgsqlCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter<int> Int(string name) => new(name, NpgsqlDbType.Integer);

    private static NpgsqlParameter<string?> Text(string name) => new(name, NpgsqlDbType.Text);

    private static NpgsqlParameter<DateTime> Time(string name) => new(name, NpgsqlDbType.Timestamp);

    private static NpgsqlParameter<int[]> IntArray(string name) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer);

    // Typed parameters of a nullable type send NULL for null.
    private static NpgsqlParameter<int?> NullableInt(string name) => new(name, NpgsqlDbType.Integer);

    private static NpgsqlParameter<DateTime?> NullableTime(string name) => new(name, NpgsqlDbType.Timestamp);
}
