using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>
/// Migrate a database with rows in it from one schema version to the next: the SQL the differ
/// writes runs, the database then matches the new schema exactly, and the rows are still there.
/// </summary>
public class MigrationTests
{
    private static string Schema(string provider, string body) => $"datasource db {{\n  provider = \"{provider}\"\n}}\n\n{body}";

    private const string V1 = """
        model User {
          id    Int    @id @default(autoincrement())
          email String @unique
          name  String
          age   Int
          posts Post[]
        }

        model Post {
          id       Int    @id @default(autoincrement())
          title    String
          authorId Int
          author   User   @relation(fields: [authorId], references: [id])
        }

        model Legacy {
          id Int @id
        }
        """;

    // Add a field (with a default), make one optional, change a type, add a relation, rename a
    // column through @map (as in Prisma, a new column: the old one's values are dropped, which is
    // why the data-loss check exists), change a referential action, add an index, drop a model.
    private const string V2 = """
        model User {
          id    Int     @id @default(autoincrement())
          email String  @unique
          name  String?
          age   BigInt
          city  String  @default("Delhi")
          posts Post[]
          tags  Tag[]
        }

        model Post {
          id       Int     @id @default(autoincrement())
          title    String? @map("headline")
          authorId Int
          author   User    @relation(fields: [authorId], references: [id], onDelete: Cascade)

          @@index([authorId])
        }

        model Tag {
          id    Int    @id @default(autoincrement())
          label String
          users User[]
        }
        """;

    /// <summary>Runs SQL as a migration runs: the dialect's connection set-up, then one transaction.</summary>
    private static async Task Execute(DbConnection connection, string sql, IMigrationDialect? dialect = null)
    {
        if (dialect?.BeforeMigrationSql is { } before) await Plain(connection, before);
        try
        {
            await InTransaction(connection, sql);
        }
        finally
        {
            if (dialect?.AfterMigrationSql is { } after) await Plain(connection, after);
        }
    }

    private static async Task Plain(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task InTransaction(DbConnection connection, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<string> MigrateWithData(DbConnection connection, string provider, IMigrationDialect dialect, IIntrospector introspector)
    {
        var v1 = SchemaMapper.Map(SchemaCompilation.FromText(Schema(provider, V1)).Schema, dialect);
        await Execute(connection, dialect.Render(MigrationPlanner.CreateAll(v1, dialect)));
        await Execute(connection, """
            INSERT INTO "User" ("email", "name", "age") VALUES ('a@x.io', 'Ann', 30), ('b@x.io', 'Bob', 41);
            INSERT INTO "Post" ("title", "authorId") VALUES ('Hello', 1), ('Again', 1), ('Mine', 2);
            INSERT INTO "Legacy" ("id") VALUES (1);
            """);

        var v2Schema = SchemaCompilation.FromText(Schema(provider, V2));
        Assert.False(v2Schema.HasErrors, string.Join("\n", v2Schema.Diagnostics));
        var v2 = SchemaMapper.Map(v2Schema.Schema, dialect);
        var live = await introspector.IntrospectAsync(connection, []);
        var sql = dialect.Render(SchemaDiffer.Diff(live, v2, dialect));
        await Execute(connection, sql, dialect);

        var after = await introspector.IntrospectAsync(connection, []);
        var left = SchemaDiffer.Diff(after, v2, dialect);
        Assert.True(left.Count == 0, "still different after migrating:\n" + string.Join("\n", left) + "\n--- SQL ---\n" + sql);

        Assert.Equal(2L, Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM \"User\"")));
        Assert.Equal(3L, Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM \"Post\"")));
        Assert.Equal(41L, Convert.ToInt64(await Scalar(connection, "SELECT \"age\" FROM \"User\" WHERE \"email\" = 'b@x.io'")));
        Assert.Equal("Delhi", await Scalar(connection, "SELECT \"city\" FROM \"User\" WHERE \"id\" = 1"));
        Assert.Equal("Ann", await Scalar(connection, "SELECT \"name\" FROM \"User\" WHERE \"id\" = 1"));
        Assert.Equal(3L, Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM \"Post\" WHERE \"headline\" IS NULL")));
        // Deleting a user now cascades to its posts.
        await Execute(connection, "DELETE FROM \"User\" WHERE \"id\" = 1");
        Assert.Equal(1L, Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM \"Post\"")));
        return sql;
    }

    [Fact]
    public async Task Sqlite_migration_keeps_the_rows_and_matches_the_new_schema()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:;Foreign Keys=True");
        await connection.OpenAsync();
        var sql = await MigrateWithData(connection, "sqlite", new SqliteMigrationDialect(), new SqliteIntrospector());
        // Every table rebuilt in one section, as Prisma writes it.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sql, "-- RedefineTables"));
        Assert.Contains("-- RedefineTables\nPRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\nCREATE TABLE \"new_User\"", sql);
        // Like Prisma's engine, no PRAGMA foreign_key_check: its rows would go unread, so it checks nothing.
        Assert.DoesNotContain("foreign_key_check", sql);
        Assert.Contains("DROP TABLE \"Legacy\";", sql);
    }

    [Fact]
    public async Task Postgres_migration_keeps_the_rows_and_matches_the_new_schema()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("migrate"));
        await connection.OpenAsync();
        var sql = await MigrateWithData(connection, "postgresql", new PostgresMigrationDialect(), new PostgresIntrospector());
        // Prisma's order within one ALTER TABLE: columns added before columns altered.
        Assert.Contains("-- AlterTable\nALTER TABLE \"User\" ADD COLUMN     \"city\" TEXT NOT NULL DEFAULT 'Delhi',\nALTER COLUMN \"name\" DROP NOT NULL,\nALTER COLUMN \"age\" SET DATA TYPE BIGINT;", sql);
        Assert.Contains("-- DropForeignKey\nALTER TABLE \"Post\" DROP CONSTRAINT \"Post_authorId_fkey\";", sql);
    }

    [Fact]
    public async Task Postgres_enum_values_can_be_added_and_removed()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("enums"));
        await connection.OpenAsync();
        var dialect = new PostgresMigrationDialect();
        var introspector = new PostgresIntrospector();
        const string before = "enum Role {\n  USER\n  ADMIN\n  OLD\n}\n\nmodel A {\n  id    Int    @id\n  role  Role   @default(USER)\n  roles Role[]\n}\n";
        const string after = "enum Role {\n  USER\n  EDITOR\n  ADMIN\n}\n\nmodel A {\n  id    Int    @id\n  role  Role   @default(USER)\n  roles Role[]\n}\n";
        var v1 = SchemaMapper.Map(SchemaCompilation.FromText(Schema("postgresql", before)).Schema, dialect);
        await Execute(connection, dialect.Render(MigrationPlanner.CreateAll(v1, dialect)));
        await Execute(connection, "INSERT INTO \"A\" (\"id\", \"role\", \"roles\") VALUES (1, 'ADMIN', ARRAY['USER', 'ADMIN']::\"Role\"[])");
        var v2 = SchemaMapper.Map(SchemaCompilation.FromText(Schema("postgresql", after)).Schema, dialect);
        var change = dialect.Render(SchemaDiffer.Diff(await introspector.IntrospectAsync(connection, []), v2, dialect));
        // Removing a value is written as Prisma writes it, in the script's own transaction, which the runner sends as it is.
        Assert.StartsWith("-- AlterEnum\nBEGIN;\nCREATE TYPE \"Role_new\"", change);
        Assert.EndsWith("COMMIT;\n", change);
        await new MigrationRunner(connection, dialect).ExecuteScriptAsync(change);
        Assert.Empty(SchemaDiffer.Diff(await introspector.IntrospectAsync(connection, []), v2, dialect));
        Assert.Equal("ADMIN", await Scalar(connection, "SELECT \"role\"::text FROM \"A\""));
        Assert.Equal("{USER,ADMIN}", await Scalar(connection, "SELECT \"roles\"::text FROM \"A\""));
    }

    [Fact]
    public async Task Sqlite_rebuild_fills_a_column_that_became_required_from_its_default()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var dialect = new SqliteMigrationDialect();
        var v1 = SchemaMapper.Map(SchemaCompilation.FromText(Schema("sqlite", "model A {\n  id    Int     @id\n  city  String?\n}\n")).Schema, dialect);
        await Execute(connection, dialect.Render(MigrationPlanner.CreateAll(v1, dialect)));
        await Execute(connection, "INSERT INTO \"A\" (\"id\", \"city\") VALUES (1, NULL), (2, 'Pune')");
        var v2 = SchemaMapper.Map(SchemaCompilation.FromText(Schema("sqlite", "model A {\n  id    Int    @id\n  city  String @default(\"Delhi\")\n}\n")).Schema, dialect);
        var change = dialect.Render(SchemaDiffer.Diff(await new SqliteIntrospector().IntrospectAsync(connection, []), v2, dialect));
        Assert.Contains("SELECT coalesce(\"city\", 'Delhi') AS \"city\", \"id\" FROM \"A\";", change);
        await new MigrationRunner(connection, dialect).ExecuteScriptAsync(change);
        Assert.Equal("Delhi", await Scalar(connection, "SELECT \"city\" FROM \"A\" WHERE \"id\" = 1"));
        Assert.Equal("Pune", await Scalar(connection, "SELECT \"city\" FROM \"A\" WHERE \"id\" = 2"));
    }

    [Fact]
    public async Task Postgres_type_changes_keep_the_values_where_they_convert()
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("convert"));
        await connection.OpenAsync();
        var dialect = new PostgresMigrationDialect();
        const string before = "enum Role {\n  USER\n  ADMIN\n}\n\nmodel A {\n  id   Int     @id\n  code String  @default(\"7\")\n  role Role    @default(USER)\n  tag  String\n  tags Int[]\n}\n";
        const string after = "enum Kind {\n  USER\n  ADMIN\n\n  @@map(\"kind\")\n}\n\nmodel A {\n  id   Int     @id\n  code Int     @default(7)\n  role Kind    @default(USER)\n  tag  String[]\n  tags Int\n}\n";
        var v1 = SchemaMapper.Map(SchemaCompilation.FromText(Schema("postgresql", before)).Schema, dialect);
        await new MigrationRunner(connection, dialect).ExecuteScriptAsync(dialect.Render(MigrationPlanner.CreateAll(v1, dialect)));
        await Plain(connection, "INSERT INTO \"A\" VALUES (1, '42', 'ADMIN', 'x', ARRAY[5, 6])");
        var v2 = SchemaMapper.Map(SchemaCompilation.FromText(Schema("postgresql", after)).Schema, dialect);
        // Text to a number, one enum to another (with their defaults), a field to a list and back:
        // the engine drops and adds these columns; Strata converts their values.
        var change = dialect.Render(SchemaDiffer.Diff(v1, v2, dialect));
        await new MigrationRunner(connection, dialect).ExecuteScriptAsync(change);
        Assert.Empty(SchemaDiffer.Diff(await new PostgresIntrospector().IntrospectAsync(connection, []), v2, dialect));
        Assert.Equal("42|ADMIN|{x}|5", await Scalar(connection, "SELECT concat_ws('|', \"code\", \"role\", \"tag\", \"tags\") FROM \"A\""));
    }
}
