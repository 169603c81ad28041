using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Strata.Benchmarks.Model;

SqlMapper.AddTypeHandler(new MillisecondsHandler());
await using var connection = new SqliteConnection($"Data Source={args[0]};Foreign Keys=True");
var post = await connection.QueryFirstOrDefaultAsync<PostRow>(
    """SELECT "id", "authorId", "title", "body", "slug", "views", "likes", "rank", "rating", "flags", "createdAt", "updatedAt", "publishedAt" FROM "Post" WHERE "id" = @id""",
    new { id = 1 });
if (post == null) return 1;
Console.WriteLine($"{post.Id}|{post.Title}|{post.CreatedAt:O}");
return 0;

/// <summary>DateTime as SQLite stores it for the schema: integer milliseconds since 1970.</summary>
internal sealed class MillisecondsHandler : SqlMapper.TypeHandler<DateTime>
{
    public override DateTime Parse(object value) => StoredTime.FromSqlite((long)value);

    public override void SetValue(IDbDataParameter parameter, DateTime value) => parameter.Value = StoredTime.ToSqlite(value);
}
