using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.History;
using Strata.Postgres.Migrations;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>
/// Migration scripts run the way Prisma runs them: on PostgreSQL the whole file as one batch with
/// no transaction around it (so a file's own BEGIN/COMMIT and a lone CREATE INDEX CONCURRENTLY
/// apply), on SQLite with double-quoted string literals accepted.
/// </summary>
public class ScriptExecutionTests
{
    private const string Init = """
        -- CreateEnum
        CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');

        -- CreateTable
        CREATE TABLE "User" (
            "id" SERIAL NOT NULL,
            "email" TEXT NOT NULL,
            "role" "Role" NOT NULL DEFAULT 'USER',

            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
        );

        """;

    private static async Task<NpgsqlConnection> PostgresAsync(string prefix)
    {
        var connection = new NpgsqlConnection(PostgresMigrationDialect.ForMigrations(await PostgresServer.Shared.CreateDatabaseAsync(prefix)));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> Strings(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetValue(0).ToString()!);
        return rows;
    }

    [Fact]
    public async Task Postgres_file_with_its_own_transaction_applies()
    {
        await using var connection = await PostgresAsync("own_tx");
        // What Prisma writes when an enum loses a value: the type is rebuilt inside the file's own transaction.
        var removeGuest = new MigrationFile("02_remove_guest", """
            -- AlterEnum
            BEGIN;
            CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
            ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;
            ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
            ALTER TYPE "Role" RENAME TO "Role_old";
            ALTER TYPE "Role_new" RENAME TO "Role";
            DROP TYPE "Role_old";
            ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'USER';
            COMMIT;

            """, null);
        var runner = new MigrationRunner(connection, new PostgresMigrationDialect());
        Assert.Equal(["01_init", "02_remove_guest"], await runner.DeployAsync([new MigrationFile("01_init", Init, null), removeGuest]));

        Assert.Equal(["USER", "ADMIN"], await Strings(connection, "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'Role' ORDER BY e.enumsortorder"));
        Assert.Empty(await Strings(connection, "SELECT typname FROM pg_type WHERE typname IN ('Role_old', 'Role_new')"));
        Assert.All(await runner.ReadHistoryAsync(), h => Assert.True(h.Finished));
    }

    [Fact]
    public async Task Postgres_lone_create_index_concurrently_applies()
    {
        await using var connection = await PostgresAsync("concurrently");
        var runner = new MigrationRunner(connection, new PostgresMigrationDialect());
        var index = new MigrationFile("02_email_index", "-- CreateIndex\nCREATE INDEX CONCURRENTLY \"User_email_idx\" ON \"User\"(\"email\");\n", null);
        await runner.DeployAsync([new MigrationFile("01_init", Init, null), index]);

        // A valid, finished index: CONCURRENTLY ran outside any transaction block, as it must.
        Assert.Equal(["True"], await Strings(connection, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'User_email_idx'"));
        Assert.True((await runner.ReadHistoryAsync()).Single(h => h.Name == "02_email_index").Finished);
    }

    [Fact]
    public async Task Postgres_failure_names_the_migration_and_the_statement_and_rolls_the_batch_back()
    {
        await using var connection = await PostgresAsync("failing_stmt");
        var runner = new MigrationRunner(connection, new PostgresMigrationDialect());
        var bad = new MigrationFile("02_bad", """
            -- CreateTable
            CREATE TABLE "Post" ("id" SERIAL NOT NULL);

            -- AddColumn
            ALTER TABLE "Missing" ADD COLUMN "x" TEXT;

            """, null);
        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.DeployAsync([new MigrationFile("01_init", Init, null), bad]));

        Assert.Equal("02_bad", error.Migration);
        Assert.Contains("The migration 02_bad failed", error.Message);
        Assert.Contains("relation \"Missing\" does not exist", error.Message);
        Assert.True(error.Message.Contains("at line 5 of the script"), error.Message);
        Assert.Contains("ALTER TABLE \"Missing\" ADD COLUMN \"x\" TEXT", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        // Without its own BEGIN the batch is still one implicit transaction: the table before the failure is gone too.
        Assert.Empty(await Strings(connection, "SELECT tablename FROM pg_tables WHERE tablename = 'Post'"));

        var row = (await runner.ReadHistoryAsync()).Single(h => h.Name == "02_bad");
        Assert.True(row.Failed);
        Assert.Contains("at line 5 of the script", row.Logs);
        var blocked = await Assert.ThrowsAsync<MigrationBlockedException>(() => runner.DeployAsync([new MigrationFile("01_init", Init, null), bad]));
        Assert.Contains("02_bad", blocked.Message);

        await runner.ResolveAsync("02_bad", applied: false);
        var fixedBad = bad with { Script = "CREATE TABLE \"Post\" (\"id\" SERIAL NOT NULL);\n" };
        Assert.Equal(["02_bad"], await runner.DeployAsync([new MigrationFile("01_init", Init, null), fixedBad]));
    }

    [Fact]
    public async Task Postgres_failure_inside_the_files_own_transaction_is_recorded()
    {
        await using var connection = await PostgresAsync("failing_tx");
        var runner = new MigrationRunner(connection, new PostgresMigrationDialect());
        var bad = new MigrationFile("02_bad_tx", "BEGIN;\nCREATE TABLE \"Post\" (\"id\" SERIAL NOT NULL);\nSELECT 1 / 0;\nCOMMIT;\n", null);
        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.DeployAsync([new MigrationFile("01_init", Init, null), bad]));

        Assert.Contains("division by zero", error.Message);
        Assert.True(error.Message.Contains("at line 3 of the script"), error.Message);
        // The aborted transaction was ended, so the history could record the failure and nothing of it stayed.
        Assert.True((await runner.ReadHistoryAsync()).Single(h => h.Name == "02_bad_tx").Failed);
        Assert.Empty(await Strings(connection, "SELECT tablename FROM pg_tables WHERE tablename = 'Post'"));
    }

    [Fact]
    public async Task Postgres_statements_are_cut_where_the_server_cuts_them()
    {
        await using var connection = await PostgresAsync("cutting");
        var runner = new MigrationRunner(connection, new PostgresMigrationDialect());
        // Semicolons inside a function body, strings, identifiers and comments end no statement.
        var script = """
            CREATE TABLE "Note;s" ("id" INTEGER NOT NULL, "body" TEXT);
            DO $body$
            BEGIN
                INSERT INTO "Note;s" VALUES (1, 'a;b');
                INSERT INTO "Note;s" VALUES (2, E'c\';d');
            END
            $body$;
            -- a comment; with a semicolon
            /* a block; /* nested; */ comment */
            INSERT INTO "Note;s" VALUES (3, $$e;f$$);
            SELECT 1 / 0;

            """;
        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.DeployAsync([new MigrationFile("01_notes", script, null)]));
        Assert.True(error.Message.Contains("at line 11 of the script, in the statement `SELECT 1 / 0;`"), error.Message);

        await runner.ResolveAsync("01_notes", applied: false);
        await runner.DeployAsync([new MigrationFile("01_notes", script.Replace("SELECT 1 / 0;", "SELECT 1;"), null)]);
        Assert.Equal(["a;b", "c';d", "e;f"], await Strings(connection, "SELECT body FROM \"Note;s\" ORDER BY id"));
    }

    [Fact]
    public async Task Sqlite_migration_accepts_double_quoted_string_literals()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        // Without the fallback both the default and the inserted value are "no such column" errors.
        var script = """
            CREATE TABLE "Account" ("id" INTEGER NOT NULL PRIMARY KEY, "status" TEXT NOT NULL DEFAULT "active", "plan" TEXT);
            INSERT INTO "Account" ("id", "plan") VALUES (1, "free");
            CREATE INDEX "Account_plan_idx" ON "Account"("plan") WHERE "plan" <> "none";

            """;
        await new MigrationRunner(connection, new SqliteMigrationDialect()).DeployAsync([new MigrationFile("01_init", script, null)]);
        Assert.Equal(["active|free"], await Strings(connection, "SELECT status || '|' || plan FROM \"Account\""));
    }

    [Fact]
    public async Task Sqlite_runtime_connection_accepts_double_quoted_string_literals()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var plain = connection.CreateCommand())
        {
            plain.CommandText = "SELECT \"a\"";
            Assert.Throws<SqliteException>(() => plain.ExecuteScalar()); // the bundled SQLite alone refuses it
        }
        Strata.Sqlite.Runtime.SqliteDialect.Instance.ConfigureOpened(connection);
        Assert.Equal(["a"], await Strings(connection, "SELECT \"a\""));
    }
}
