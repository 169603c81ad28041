using Microsoft.Data.Sqlite;
using Strata.Benchmarks.Libraries.AdoNet;

await using var connection = new SqliteConnection($"Data Source={args[0]};Foreign Keys=True");
await connection.OpenAsync();
await using var command = connection.CreateCommand();
command.CommandText = """SELECT "id", "authorId", "title", "body", "slug", "views", "likes", "rank", "rating", "flags", "createdAt", "updatedAt", "publishedAt" FROM "Post" WHERE "id" = @id""";
command.Parameters.AddWithValue("@id", 1);
await using var reader = await command.ExecuteReaderAsync();
if (!await reader.ReadAsync()) return 1;
var post = Readers.Post<SqliteDates>(reader);
Console.WriteLine($"{post.Id}|{post.Title}|{post.CreatedAt:O}");
return 0;
