using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.TestSupport;

namespace Strata.Migrate.Tests.Pulling;

/// <summary>The schema engine's introspection runs in the oracle on live databases, so pull can be compared with it.</summary>
public sealed class EngineIntrospectionTests
{
    [OracleFact]
    public async Task The_engine_reads_a_live_postgres_database()
    {
        // The engine's catalog queries return PostgreSQL's one-byte "char" type (relkind, contype...).
        var database = await PostgresServer.Shared.CreateDatabaseAsync("engineread");
        try
        {
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD');
                    CREATE TABLE "Owner" ("id" SERIAL PRIMARY KEY, "mood" "Mood" NOT NULL DEFAULT 'SAD');
                    CREATE TABLE "Pet" ("id" INTEGER PRIMARY KEY, "ownerId" INTEGER NOT NULL REFERENCES "Owner"("id") ON DELETE CASCADE);
                    """, connection);
                await command.ExecuteNonQueryAsync();
            }
            var schema = PrismaOracle.IntrospectPostgres("datasource db {\n  provider = \"postgresql\"\n}\n", database);
            Assert.Contains("  mood Mood  @default(SAD)\n", schema);
            Assert.Contains("  Owner   Owner @relation(fields: [ownerId], references: [id], onDelete: Cascade, onUpdate: NoAction)\n", schema);
            Assert.Contains("enum Mood {\n  HAPPY\n  SAD\n}\n", schema);
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(database);
        }
    }

    [OracleFact]
    public async Task The_engine_reads_a_sqlite_database_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"engineread-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE "Owner" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL DEFAULT 'x');
                    CREATE TABLE "Pet" ("id" INTEGER NOT NULL PRIMARY KEY, "ownerId" INTEGER NOT NULL,
                        CONSTRAINT "Pet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
                    CREATE UNIQUE INDEX "Pet_ownerId_key" ON "Pet"("ownerId");
                    """;
                await command.ExecuteNonQueryAsync();
            }
            var schema = PrismaOracle.IntrospectSqlite("datasource db {\n  provider = \"sqlite\"\n}\n", file);
            Assert.Contains("  id   Int    @id @default(autoincrement())\n  name String @default(\"x\")\n  Pet  Pet?\n", schema);
            Assert.Contains("  ownerId Int   @unique\n  Owner   Owner @relation(fields: [ownerId], references: [id], onDelete: Cascade)\n", schema);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
