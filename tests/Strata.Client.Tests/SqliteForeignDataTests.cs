using Microsoft.Data.Sqlite;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>A SQLite database that Strata did not create: its DateTime columns hold text, in the forms other tools write, and keep working.</summary>
public class SqliteForeignDataTests
{
    [Theory]
    [InlineData("TEXT")]
    [InlineData("DATETIME")]
    public async Task DateTime_columns_written_by_other_tools_are_read_and_written_back(string columnType)
    {
        var file = Path.Combine(Path.GetTempPath(), "strata-foreign-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                // Hand-written, as another tool would have it: the schema's columns, DateTime as {columnType}.
                command.CommandText = $"""
                    CREATE TABLE "users" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL UNIQUE, "name" TEXT, "age" INTEGER,
                      "score" REAL NOT NULL DEFAULT 0, "balance" DECIMAL NOT NULL DEFAULT 0, "big" BIGINT NOT NULL DEFAULT 0, "active" BOOLEAN NOT NULL DEFAULT 1,
                      "role" TEXT NOT NULL DEFAULT 'USER', "created_at" {columnType} NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" {columnType} NOT NULL,
                      "avatar" BLOB, "settings" JSONB);
                    INSERT INTO "users" ("email", "created_at", "updatedAt") VALUES
                      ('sql@x', '2024-01-02 03:04:05', '2024-01-02T03:04:05.123Z'),
                      ('offset@x', '2024-01-02T05:04:05+02:00', '2024-01-02T03:04:05.5'),
                      ('ms-text@x', '1704164645000', 1704164645123),
                      ('real@x', 1704164645000.0, '2024-01-02');
                    """;
                await command.ExecuteNonQueryAsync();
            }
            await using var db = new BlogDb("file:" + file);
            var users = (await db.Users.OrderBy(u => u.Id).FindManyAsync()).ToDictionary(u => u.Email);
            var at = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            Assert.Equal(at, users["sql@x"].CreatedAt);
            Assert.Equal(at.AddMilliseconds(123), users["sql@x"].UpdatedAt);
            Assert.Equal(at, users["offset@x"].CreatedAt);
            Assert.Equal(at.AddMilliseconds(500), users["offset@x"].UpdatedAt);
            Assert.Equal(at, users["ms-text@x"].CreatedAt);
            Assert.Equal(at.AddMilliseconds(123), users["ms-text@x"].UpdatedAt);
            Assert.Equal(at, users["real@x"].CreatedAt);
            Assert.Equal(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), users["real@x"].UpdatedAt);

            // Creates in a loop write Prisma's form (milliseconds) into these columns; each reads back.
            for (int i = 0; i < 20; i++)
            {
                var created = await db.Users.CreateAsync(new UserCreate { Email = $"loop{i}@x", CreatedAt = at.AddDays(i) });
                Assert.Equal(at.AddDays(i), created.CreatedAt);
                Assert.Equal(at.AddDays(i), (await db.Users.FindUniqueOrThrowAsync(u => u.Id == created.Id)).CreatedAt);
            }
            Assert.Equal(24, await db.Users.CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
