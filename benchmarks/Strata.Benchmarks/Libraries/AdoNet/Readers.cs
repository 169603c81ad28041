using System.Data.Common;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Libraries.AdoNet;

/// <summary>How a provider's stored DateTime is read; a struct type argument, so the call is inlined.</summary>
public interface IStoredDates
{
    static abstract DateTime Read(DbDataReader reader, int ordinal);
}

public readonly struct SqliteDates : IStoredDates
{
    public static DateTime Read(DbDataReader reader, int ordinal) => StoredTime.FromSqlite(reader.GetInt64(ordinal));
}

public readonly struct PostgresDates : IStoredDates
{
    public static DateTime Read(DbDataReader reader, int ordinal) => StoredTime.FromPostgres(reader.GetDateTime(ordinal));
}

/// <summary>Rows read by ordinal with typed getters, in the order of <see cref="Sql"/>'s column lists.</summary>
public static class Readers
{
    public static PostRow Post<TDates>(DbDataReader r) where TDates : IStoredDates => new()
    {
        Id = r.GetInt32(0),
        AuthorId = r.GetInt32(1),
        Title = r.GetString(2),
        Body = r.GetString(3),
        Slug = r.IsDBNull(4) ? null : r.GetString(4),
        Views = r.GetInt32(5),
        Likes = r.GetInt32(6),
        Rank = r.GetInt32(7),
        Rating = r.IsDBNull(8) ? null : r.GetInt32(8),
        Flags = r.GetInt32(9),
        CreatedAt = TDates.Read(r, 10),
        UpdatedAt = TDates.Read(r, 11),
        PublishedAt = r.IsDBNull(12) ? null : TDates.Read(r, 12),
    };

    public static UserRow User(DbDataReader r) => new() { Id = r.GetInt32(0), Name = r.GetString(1), Email = r.GetString(2) };

    public static CommentRow Comment<TDates>(DbDataReader r) where TDates : IStoredDates => new()
    {
        Id = r.GetInt32(0),
        PostId = r.GetInt32(1),
        Author = r.GetString(2),
        Body = r.GetString(3),
        CreatedAt = TDates.Read(r, 4),
    };

    public static async Task<List<PostRow>> PostsAsync<TDates>(DbCommand command) where TDates : IStoredDates
    {
        var list = new List<PostRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(Post<TDates>(reader));
        return list;
    }

    public static async Task<List<CommentRow>> CommentsAsync<TDates>(DbCommand command) where TDates : IStoredDates
    {
        var list = new List<CommentRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(Comment<TDates>(reader));
        return list;
    }

    public static async Task<List<UserRow>> UsersAsync(DbCommand command)
    {
        var list = new List<UserRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(User(reader));
        return list;
    }
}
