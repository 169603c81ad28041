using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Strata.Benchmarks.Model;
using Strata.Benchmarks.Seed;

namespace Strata.Benchmarks.Databases;

/// <summary>Creates the tables and writes the seed rows with their ids, by hand-written ADO.NET.</summary>
public static class Seeder
{
    public static async Task SeedSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Ddl.For(Provider.Sqlite));
        await using (var transaction = connection.BeginTransaction())
        {
            await InsertAsync(connection, transaction, "User", ["id", "name", "email"], SeedData.UserRows(), u => [u.Id, u.Name, u.Email]);
            await InsertAsync(connection, transaction, "Post", PostColumns(withId: true), SeedData.PostRows(),
                p => [p.Id, p.AuthorId, p.Title, p.Body, p.Slug, p.Views, p.Likes, p.Rank, p.Rating, p.Flags,
                    StoredTime.ToSqlite(p.CreatedAt), StoredTime.ToSqlite(p.UpdatedAt), p.PublishedAt is { } published ? StoredTime.ToSqlite(published) : null]);
            await InsertAsync(connection, transaction, "Comment", ["id", "postId", "author", "body", "createdAt"], SeedData.CommentRows(),
                c => [c.Id, c.PostId, c.Author, c.Body, StoredTime.ToSqlite(c.CreatedAt)]);
            transaction.Commit();
        }
        await ExecuteAsync(connection, "ANALYZE");
    }

    public static async Task SeedPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Ddl.For(Provider.PostgreSql));
        await using (var users = await connection.BeginBinaryImportAsync("""COPY "User" ("id", "name", "email") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var u in SeedData.UserRows())
            {
                await users.StartRowAsync();
                await users.WriteAsync(u.Id, NpgsqlDbType.Integer);
                await users.WriteAsync(u.Name, NpgsqlDbType.Text);
                await users.WriteAsync(u.Email, NpgsqlDbType.Text);
            }
            await users.CompleteAsync();
        }
        await PostgresCopy.WritePostsAsync(connection, SeedData.PostRows(), withId: true);
        await using (var comments = await connection.BeginBinaryImportAsync("""COPY "Comment" ("id", "postId", "author", "body", "createdAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var c in SeedData.CommentRows())
            {
                await comments.StartRowAsync();
                await comments.WriteAsync(c.Id, NpgsqlDbType.Integer);
                await comments.WriteAsync(c.PostId, NpgsqlDbType.Integer);
                await comments.WriteAsync(c.Author, NpgsqlDbType.Text);
                await comments.WriteAsync(c.Body, NpgsqlDbType.Text);
                await comments.WriteAsync(StoredTime.ToPostgres(c.CreatedAt), NpgsqlDbType.Timestamp);
            }
            await comments.CompleteAsync();
        }
        // Rows were written with their ids, so the sequences are moved past them for later inserts.
        await ExecuteAsync(connection, """
            SELECT setval(pg_get_serial_sequence('"User"', 'id'), (SELECT max("id") FROM "User"));
            SELECT setval(pg_get_serial_sequence('"Post"', 'id'), (SELECT max("id") FROM "Post"));
            SELECT setval(pg_get_serial_sequence('"Comment"', 'id'), (SELECT max("id") FROM "Comment"));
            """);
        await ExecuteAsync(connection, "VACUUM ANALYZE"); // a statement of its own: VACUUM refuses to run in a batch

    }

    /// <summary>Removes the posts the write scenarios added, leaving the seed as it was.</summary>
    public static async Task RemoveAddedPostsAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""DELETE FROM "Post" WHERE "id" > {SeedData.Posts}""";
        await command.ExecuteNonQueryAsync();
    }

    public static string[] PostColumns(bool withId) =>
        [.. withId ? ["id"] : Array.Empty<string>(), "authorId", "title", "body", "slug", "views", "likes", "rank", "rating", "flags", "createdAt", "updatedAt", "publishedAt"];

    private static async Task InsertAsync<T>(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, List<T> rows, Func<T, object?[]> values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            var v = values(row);
            for (int i = 0; i < v.Length; i++) parameters[i].Value = v[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
