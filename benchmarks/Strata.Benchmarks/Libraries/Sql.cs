namespace Strata.Benchmarks.Libraries;

/// <summary>
/// The SQL that hand-written ADO.NET and Dapper send: the same statements on both providers where the
/// databases agree, each written as a person tuning it would (no SELECT *, keys by parameter).
/// </summary>
public static class Sql
{
    public const string PostColumns = """
        "id", "authorId", "title", "body", "slug", "views", "likes", "rank", "rating", "flags", "createdAt", "updatedAt", "publishedAt"
        """;

    public const string OneByKey = $"""SELECT {PostColumns} FROM "Post" WHERE "id" = @id""";

    public const string AllPosts = $"""SELECT {PostColumns} FROM "Post" """;

    public const string Page = $"""SELECT {PostColumns} FROM "Post" WHERE "views" >= @minViews ORDER BY "createdAt" DESC, "id" DESC LIMIT @take OFFSET @skip""";

    public const string Count = """SELECT COUNT(*) FROM "Post" WHERE "views" >= @minViews""";

    public const string Users = """SELECT "id", "name", "email" FROM "User" ORDER BY "id" """;

    public const string CommentColumns = """ "id", "postId", "author", "body", "createdAt" """;

    /// <summary>Parameters named as <see cref="Model.PostRow"/>'s properties: Dapper binds them by name, and SQLite's names are case-sensitive.</summary>
    public const string InsertPost = """
        INSERT INTO "Post" ("authorId", "title", "body", "slug", "views", "likes", "rank", "rating", "flags", "createdAt", "updatedAt", "publishedAt")
        VALUES (@AuthorId, @Title, @Body, @Slug, @Views, @Likes, @Rank, @Rating, @Flags, @CreatedAt, @UpdatedAt, @PublishedAt)
        """;

    /// <summary>The insert that also returns the new row, as Strata's Create does.</summary>
    public const string InsertPostReturning = InsertPost + " RETURNING " + PostColumns;

    public const string UpdateMany = """UPDATE "Post" SET "likes" = @likes, "updatedAt" = @updatedAt WHERE "authorId" <= @maxAuthorId""";

    /// <summary>Posts of many users: SQLite unpacks one JSON parameter, PostgreSQL takes an array.</summary>
    public static string PostsOfAuthors(Databases.Provider provider) => provider == Databases.Provider.Sqlite
        ? $"""SELECT {PostColumns} FROM "Post" WHERE "authorId" IN (SELECT value FROM json_each(@ids))"""
        : $"""SELECT {PostColumns} FROM "Post" WHERE "authorId" = ANY(@ids)""";

    public static string CommentsOfPosts(Databases.Provider provider) => provider == Databases.Provider.Sqlite
        ? $"""SELECT {CommentColumns} FROM "Comment" WHERE "postId" IN (SELECT value FROM json_each(@ids))"""
        : $"""SELECT {CommentColumns} FROM "Comment" WHERE "postId" = ANY(@ids)""";
}
