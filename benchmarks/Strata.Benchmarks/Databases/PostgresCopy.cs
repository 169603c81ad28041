using Npgsql;
using NpgsqlTypes;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Databases;

/// <summary>Posts written by binary COPY: the fastest way into PostgreSQL, used by the seed and by hand-written bulk insert.</summary>
public static class PostgresCopy
{
    public static async Task<ulong> WritePostsAsync(NpgsqlConnection connection, IReadOnlyList<PostRow> posts, bool withId)
    {
        var columns = string.Join(", ", Seeder.PostColumns(withId).Select(c => $"\"{c}\""));
        await using var import = await connection.BeginBinaryImportAsync($"COPY \"Post\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var p in posts)
        {
            await import.StartRowAsync();
            if (withId) await import.WriteAsync(p.Id, NpgsqlDbType.Integer);
            await import.WriteAsync(p.AuthorId, NpgsqlDbType.Integer);
            await import.WriteAsync(p.Title, NpgsqlDbType.Text);
            await import.WriteAsync(p.Body, NpgsqlDbType.Text);
            if (p.Slug is { } slug) await import.WriteAsync(slug, NpgsqlDbType.Text); else await import.WriteNullAsync();
            await import.WriteAsync(p.Views, NpgsqlDbType.Integer);
            await import.WriteAsync(p.Likes, NpgsqlDbType.Integer);
            await import.WriteAsync(p.Rank, NpgsqlDbType.Integer);
            if (p.Rating is { } rating) await import.WriteAsync(rating, NpgsqlDbType.Integer); else await import.WriteNullAsync();
            await import.WriteAsync(p.Flags, NpgsqlDbType.Integer);
            await import.WriteAsync(StoredTime.ToPostgres(p.CreatedAt), NpgsqlDbType.Timestamp);
            await import.WriteAsync(StoredTime.ToPostgres(p.UpdatedAt), NpgsqlDbType.Timestamp);
            if (p.PublishedAt is { } published) await import.WriteAsync(StoredTime.ToPostgres(published), NpgsqlDbType.Timestamp); else await import.WriteNullAsync();
        }
        return await import.CompleteAsync();
    }
}
