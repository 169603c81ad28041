namespace Strata.Benchmarks.Databases;

/// <summary>
/// The tables of benchmarks/Schema/schema.prisma as Prisma's migrations create them (names of keys,
/// indexes and foreign keys included), so Strata runs on the database it expects and the other
/// libraries on the very same tables.
/// </summary>
public static class Ddl
{
    public static string For(Provider provider) => provider == Provider.Sqlite ? Sqlite : PostgreSql;

    private const string Sqlite = """
        CREATE TABLE "User" (
            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            "name" TEXT NOT NULL,
            "email" TEXT NOT NULL
        );
        CREATE TABLE "Post" (
            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            "authorId" INTEGER NOT NULL,
            "title" TEXT NOT NULL,
            "body" TEXT NOT NULL,
            "slug" TEXT,
            "views" INTEGER NOT NULL,
            "likes" INTEGER NOT NULL,
            "rank" INTEGER NOT NULL,
            "rating" INTEGER,
            "flags" INTEGER NOT NULL,
            "createdAt" DATETIME NOT NULL,
            "updatedAt" DATETIME NOT NULL,
            "publishedAt" DATETIME,
            CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
        );
        CREATE TABLE "Comment" (
            "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            "postId" INTEGER NOT NULL,
            "author" TEXT NOT NULL,
            "body" TEXT NOT NULL,
            "createdAt" DATETIME NOT NULL,
            CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
        );
        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
        CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
        CREATE INDEX "Comment_postId_idx" ON "Comment"("postId");
        """;

    private const string PostgreSql = """
        CREATE TABLE "User" (
            "id" SERIAL NOT NULL,
            "name" TEXT NOT NULL,
            "email" TEXT NOT NULL,
            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
        );
        CREATE TABLE "Post" (
            "id" SERIAL NOT NULL,
            "authorId" INTEGER NOT NULL,
            "title" TEXT NOT NULL,
            "body" TEXT NOT NULL,
            "slug" TEXT,
            "views" INTEGER NOT NULL,
            "likes" INTEGER NOT NULL,
            "rank" INTEGER NOT NULL,
            "rating" INTEGER,
            "flags" INTEGER NOT NULL,
            "createdAt" TIMESTAMP(3) NOT NULL,
            "updatedAt" TIMESTAMP(3) NOT NULL,
            "publishedAt" TIMESTAMP(3),
            CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
        );
        CREATE TABLE "Comment" (
            "id" SERIAL NOT NULL,
            "postId" INTEGER NOT NULL,
            "author" TEXT NOT NULL,
            "body" TEXT NOT NULL,
            "createdAt" TIMESTAMP(3) NOT NULL,
            CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
        );
        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
        CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
        CREATE INDEX "Comment_postId_idx" ON "Comment"("postId");
        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        """;
}
