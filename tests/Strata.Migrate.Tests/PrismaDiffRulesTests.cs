using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Steps;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>
/// The differ sees what Prisma's sees: a migration written the way Prisma (or a person) writes
/// it is deployed on a real database, the database is introspected and compared with the schema,
/// and only what Prisma would call a difference is one.
/// </summary>
public class PrismaDiffRulesTests
{
    private static string Schema(string provider, string body) => $"datasource db {{\n  provider = \"{provider}\"\n}}\n\n{body}";

    private sealed record Outcome(IReadOnlyList<MigrationStep> Steps, string Sql, DbConnection Connection, IMigrationDialect Dialect, DatabaseSchema Wanted);

    private static async Task<Outcome> PostgresAsync(string body, string migration)
    {
        var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("rules"));
        await connection.OpenAsync();
        return await DiffAsync(connection, new PostgresMigrationDialect(), new PostgresIntrospector(), Schema("postgresql", body), migration);
    }

    private static async Task<Outcome> SqliteAsync(string body, string migration)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return await DiffAsync(connection, new SqliteMigrationDialect(), new SqliteIntrospector(), Schema("sqlite", body), migration);
    }

    private static async Task<Outcome> DiffAsync(DbConnection connection, IMigrationDialect dialect, Introspection.IIntrospector introspector, string schemaText, string migration)
    {
        await new MigrationRunner(connection, dialect).DeployAsync([new MigrationFile("01_init", migration, null)]);
        var compilation = SchemaCompilation.FromText(schemaText);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var wanted = SchemaMapper.Map(compilation.Schema, dialect);
        var steps = SchemaDiffer.Diff(await introspector.IntrospectAsync(connection, []), wanted, dialect);
        return new Outcome(steps, dialect.Render(steps), connection, dialect, wanted);
    }

    /// <summary>Applies the differ's SQL and checks that the database then matches the schema.</summary>
    private static async Task AssertAppliesAndSettles(Outcome outcome, Introspection.IIntrospector introspector)
    {
        await new MigrationRunner(outcome.Connection, outcome.Dialect).ExecuteScriptAsync(outcome.Sql);
        var again = SchemaDiffer.Diff(await introspector.IntrospectAsync(outcome.Connection, []), outcome.Wanted, outcome.Dialect);
        Assert.True(again.Count == 0, outcome.Dialect.Render(again));
    }

    private const string UserTable = """
        CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));

        """;

    [Fact]
    public async Task Enum_value_order_is_no_difference_but_an_added_value_is()
    {
        const string migration = "CREATE TYPE \"Role\" AS ENUM ('ADMIN', 'USER');\n" + UserTable;
        const string model = "model User {\n  id    Int    @id @default(autoincrement())\n  email String\n}\n";
        var same = await PostgresAsync("enum Role {\n  USER\n  ADMIN\n}\n\n" + model, migration);
        Assert.True(same.Steps.Count == 0, same.Sql);

        var added = await PostgresAsync("enum Role {\n  USER\n  ADMIN\n  GUEST\n}\n\n" + model, migration);
        var alter = Assert.IsType<AlterEnum>(Assert.Single(added.Steps));
        Assert.Contains("ALTER TYPE \"Role\" ADD VALUE 'GUEST';", added.Sql);
        await AssertAppliesAndSettles(added, new PostgresIntrospector());
    }

    [Fact]
    public async Task Postgres_partial_expression_and_exclusion_indexes_are_not_compared()
    {
        var outcome = await PostgresAsync("model User {\n  id    Int    @id @default(autoincrement())\n  email String\n}\n", UserTable + """
            CREATE INDEX "User_active_email_idx" ON "User"("email") WHERE "id" > 0;
            CREATE UNIQUE INDEX "User_lower_email_key" ON "User"(lower("email"));
            ALTER TABLE "User" ADD CONSTRAINT "User_email_excl" EXCLUDE USING btree ("email" WITH =);

            """);
        Assert.True(outcome.Steps.Count == 0, outcome.Sql);
    }

    [Fact]
    public async Task Sqlite_partial_and_expression_indexes_are_not_compared()
    {
        var outcome = await SqliteAsync("model User {\n  id    Int    @id @default(autoincrement())\n  email String\n}\n", """
            CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL);
            CREATE INDEX "User_active_email_idx" ON "User"("email") WHERE "id" > 0;
            CREATE UNIQUE INDEX "User_lower_email_key" ON "User"(lower("email"));

            """);
        Assert.True(outcome.Steps.Count == 0, outcome.Sql);
    }

    [Fact]
    public async Task A_written_default_operator_class_is_the_introspected_default()
    {
        const string migration = """
            CREATE TABLE "Doc" ("id" SERIAL NOT NULL, "data" JSONB NOT NULL, "tags" TEXT[], "title" TEXT NOT NULL, CONSTRAINT "Doc_pkey" PRIMARY KEY ("id"));
            CREATE INDEX "Doc_data_idx" ON "Doc" USING GIN ("data");
            CREATE INDEX "Doc_tags_idx" ON "Doc" USING GIN ("tags");
            CREATE INDEX "Doc_title_idx" ON "Doc"("title");

            """;
        const string fields = "model Doc {\n  id    Int      @id @default(autoincrement())\n  data  Json\n  tags  String[]\n  title String\n\n";
        var same = await PostgresAsync(fields + "  @@index([data(ops: JsonbOps)], type: Gin)\n  @@index([tags(ops: ArrayOps)], type: Gin)\n  @@index([title(ops: TextOps)])\n}\n", migration);
        Assert.True(same.Steps.Count == 0, same.Sql);

        // A class that is not the type's default is a different index.
        var other = await PostgresAsync(fields + "  @@index([data(ops: JsonbPathOps)], type: Gin)\n  @@index([tags(ops: ArrayOps)], type: Gin)\n  @@index([title])\n}\n", migration);
        Assert.Contains("CREATE INDEX \"Doc_data_idx\" ON \"Doc\" USING GIN (\"data\" jsonb_path_ops);", other.Sql);
        await AssertAppliesAndSettles(other, new PostgresIntrospector());
    }

    private const string PostModels = """
        model User {
          id    Int    @id @default(autoincrement())
          email String
          posts Post[]

          @@index([email])
        }

        model Post {
          id       Int  @id @default(autoincrement())
          authorId Int
          author   User @relation(fields: [authorId], references: [id])
        }

        """;

    private const string PostTables = UserTable + """
        CREATE TABLE "Post" ("id" SERIAL NOT NULL, "authorId" INTEGER NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));

        """;

    [Fact]
    public async Task Postgres_a_differently_named_twin_index_or_foreign_key_is_a_rename()
    {
        var outcome = await PostgresAsync(PostModels, PostTables + """
            CREATE INDEX "by_email" ON "User"("email");
            ALTER TABLE "Post" ADD CONSTRAINT "post_author" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

            """);
        Assert.Equal(2, outcome.Steps.Count);
        Assert.Contains("-- RenameIndex\nALTER INDEX \"by_email\" RENAME TO \"User_email_idx\";", outcome.Sql);
        Assert.Contains("-- RenameForeignKey\nALTER TABLE \"Post\" RENAME CONSTRAINT \"post_author\" TO \"Post_authorId_fkey\";", outcome.Sql);
        await AssertAppliesAndSettles(outcome, new PostgresIntrospector());
    }

    [Fact]
    public async Task Postgres_an_identical_duplicate_index_is_left_alone()
    {
        var outcome = await PostgresAsync(PostModels, PostTables + """
            CREATE INDEX "User_email_idx" ON "User"("email");
            CREATE INDEX "User_email_again_idx" ON "User"("email");
            ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

            """);
        Assert.True(outcome.Steps.Count == 0, outcome.Sql);
    }

    [Fact]
    public async Task Sqlite_a_differently_named_twin_index_is_dropped_and_created_under_its_name()
    {
        var outcome = await SqliteAsync("model User {\n  id    Int    @id @default(autoincrement())\n  email String\n\n  @@index([email])\n}\n", """
            CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL);
            CREATE INDEX "by_email" ON "User"("email");

            """);
        Assert.Equal("-- RedefineIndex\nDROP INDEX \"by_email\";\nCREATE INDEX \"User_email_idx\" ON \"User\"(\"email\");\n", outcome.Sql);
        await AssertAppliesAndSettles(outcome, new SqliteIntrospector());
    }

    [Fact]
    public async Task Array_nullability_and_empty_array_spellings_are_no_difference()
    {
        var outcome = await PostgresAsync("model Doc {\n  id   Int      @id @default(autoincrement())\n  tags String[] @default([])\n  ids  Int[]\n}\n", """
            CREATE TABLE "Doc" ("id" SERIAL NOT NULL, "tags" TEXT[] NOT NULL DEFAULT '{}'::text[], "ids" INTEGER[] NOT NULL, CONSTRAINT "Doc_pkey" PRIMARY KEY ("id"));

            """);
        Assert.True(outcome.Steps.Count == 0, outcome.Sql);
    }

    [Fact]
    public async Task Dbgenerated_without_argument_accepts_the_database_default_and_never_drops_it()
    {
        const string migration = """
            CREATE TABLE "Doc" ("id" UUID NOT NULL DEFAULT gen_random_uuid(), "code" TEXT NOT NULL DEFAULT 'x', CONSTRAINT "Doc_pkey" PRIMARY KEY ("id"));

            """;
        var same = await PostgresAsync("model Doc {\n  id   String @id @default(dbgenerated()) @db.Uuid\n  code String @default(dbgenerated())\n}\n", migration);
        Assert.True(same.Steps.Count == 0, same.Sql);

        // Another change of the column keeps its default.
        var optional = await PostgresAsync("model Doc {\n  id   String  @id @default(dbgenerated()) @db.Uuid\n  code String? @default(dbgenerated())\n}\n", migration);
        Assert.Contains("ALTER COLUMN \"code\" DROP NOT NULL", optional.Sql);
        Assert.DoesNotContain("DROP DEFAULT", optional.Sql);
        await AssertAppliesAndSettles(optional, new PostgresIntrospector());
    }

    [Fact]
    public async Task Now_is_current_timestamp_and_json_defaults_compare_as_json()
    {
        var outcome = await PostgresAsync("model Doc {\n  id      Int      @id @default(autoincrement())\n  created DateTime @default(now())\n  meta    Json     @default(\"{\\\"a\\\": 1, \\\"b\\\": [1, 2]}\")\n}\n", """
            CREATE TABLE "Doc" ("id" SERIAL NOT NULL, "created" TIMESTAMP(3) NOT NULL DEFAULT now(), "meta" JSONB NOT NULL DEFAULT '{"b":[1,2],"a":1}', CONSTRAINT "Doc_pkey" PRIMARY KEY ("id"));

            """);
        Assert.True(outcome.Steps.Count == 0, outcome.Sql);
    }

    [Fact]
    public async Task Postgres_names_past_63_bytes_compare_as_the_database_cut_them()
    {
        // A hand-written migration names an index past 63 bytes; PostgreSQL keeps its first 63, which is what the
        // schema can name (Prisma refuses a longer map:, S6011).
        var longName = "Doc_" + new string('n', 70) + "_idx";
        var outcome = await PostgresAsync($"model Doc {{\n  id    Int    @id @default(autoincrement())\n  title String\n\n  @@index([title], map: \"{longName[..63]}\")\n}}\n",
            $"CREATE TABLE \"Doc\" (\"id\" SERIAL NOT NULL, \"title\" TEXT NOT NULL, CONSTRAINT \"Doc_pkey\" PRIMARY KEY (\"id\"));\nCREATE INDEX \"{longName}\" ON \"Doc\"(\"title\");\n");
        Assert.True(outcome.Steps.Count == 0, outcome.Sql);
    }

    [Fact]
    public void Default_names_are_shortened_to_63_on_postgres_only()
    {
        var column = new string('c', 70);
        var schema = $"model Doc {{\n  id Int @id\n  {column} String\n\n  @@index([{column}])\n}}\n";
        var postgres = SchemaMapper.Map(SchemaCompilation.FromText(Schema("postgresql", schema)).Schema, new PostgresMigrationDialect());
        var sqlite = SchemaMapper.Map(SchemaCompilation.FromText(Schema("sqlite", schema)).Schema, new SqliteMigrationDialect());
        var cut = postgres.Tables[0].Indexes[0].Name;
        Assert.Equal(63, cut.Length);
        Assert.EndsWith("_idx", cut);
        Assert.Equal($"Doc_{column}_idx", sqlite.Tables[0].Indexes[0].Name);
    }

    [Fact]
    public async Task Sqlite_autoincrement_is_no_column_difference()
    {
        var outcome = await SqliteAsync("model User {\n  id    Int    @id @default(autoincrement())\n  email String\n}\n", """
            CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY, "email" TEXT NOT NULL);

            """);
        Assert.True(outcome.Steps.Count == 0, outcome.Sql);
    }
}
