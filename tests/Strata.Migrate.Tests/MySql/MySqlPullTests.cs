using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Migrate.Pulling;
using Strata.MySql.Migrations;
using Strata.Schema;
using Strata.Schema.Formatting;
using Strata.TestSupport;

namespace Strata.Migrate.Tests.MySql;

/// <summary>
/// <c>db pull</c> of a live MariaDB database: the schema it writes validates, and maps back to
/// exactly the database it was read from.
/// </summary>
public class MySqlPullTests
{
    private static readonly MySqlMigrationDialect Dialect = new();

    private static async Task<string> CreateAndPull(string schemaText)
    {
        var schema = MySqlRoundTripTests.CompileAsMySql(schemaText);
        await using var connection = await MySqlRoundTripTests.OpenFreshDatabaseAsync();
        await new MigrationRunner(connection, Dialect).ExecuteScriptAsync(Dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(schema, Dialect), Dialect)));
        return await PullAndCheckAsync(connection);
    }

    internal static async Task<string> PullAndCheckAsync(System.Data.Common.DbConnection connection)
    {
        var live = await new MySqlIntrospector().IntrospectAsync(connection, []);
        var notes = await new MySqlPullNotes().ReadAsync(connection, []);
        var pulled = "datasource db {\n  provider = \"mysql\"\n}\n\n" + SchemaWriter.Write(MySqlPullTypes.WithColumnEnums(live), new MySqlPullTypes(), Dialect, notes);
        var compilation = SchemaCompilation.FromText(pulled);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics) + "\n" + pulled);
        var steps = SchemaDiffer.Diff(live, SchemaMapper.Map(compilation.Schema, Dialect), Dialect);
        Assert.True(steps.Count == 0, "the pulled schema asks for another database:\n" + Dialect.Render(steps) + "\n" + pulled);
        return SchemaFormatter.FormatText(pulled) ?? pulled;
    }

    [Fact]
    public async Task Pull_writes_full_text_indexes_and_prefix_lengths_back()
    {
        var pulled = await CreateAndPull("""
            datasource db {
              provider = "mysql"
            }

            model Post {
              id      Int    @id
              title   String @db.VarChar(255)
              content String @db.Text

              @@index([content(length: 10)])
              @@fulltext([title, content])
            }
            """);
        Assert.Contains("@@fulltext([title, content])", pulled);
        Assert.Contains("@@index([content(length: 10)])", pulled);
    }

    [Theory]
    [MemberData(nameof(MySqlRoundTripTests.Schemas), MemberType = typeof(MySqlRoundTripTests))]
    public Task Pull_gives_a_schema_for_the_same_database(string file) =>
        CreateAndPull(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid", file)));

    [Fact]
    public async Task Pull_writes_native_types_enums_defaults_and_foreign_key_indexes_as_Prisma_does()
    {
        var pulled = await CreateAndPull("""
            datasource db {
              provider = "mysql"
            }

            model User {
              id      Int      @id @default(autoincrement())
              email   String   @unique @db.VarChar(120)
              role    Role     @default(ADMIN)
              at      DateTime @default(now()) @db.Timestamp(0)
              ok      Boolean  @default(true)
              balance Decimal  @default(0.5) @db.Decimal(10, 2)
              posts   Post[]
            }

            model Post {
              id       Int  @id
              authorId Int
              author   User @relation(fields: [authorId], references: [id])
            }

            enum Role {
              USER
              ADMIN
            }
            """);
        Assert.Contains("  email   String    @unique @db.VarChar(120)\n", pulled);
        // The enum of the column, named {table}_{column} as Prisma's introspection names it.
        Assert.Contains("  role    User_role @default(ADMIN)\n", pulled);
        Assert.Contains("enum User_role {\n  USER\n  ADMIN\n}", pulled);
        Assert.Contains("  at      DateTime  @default(now()) @db.Timestamp(0)\n", pulled);
        Assert.Contains("  ok      Boolean   @default(true)\n", pulled);
        // MariaDB keeps the default at the column's scale.
        Assert.Contains("  balance Decimal   @default(0.50) @db.Decimal(10, 2)\n", pulled);
        // MySQL made an index for the foreign key; Prisma's introspection writes it with its name.
        Assert.Contains("@@index([authorId], map: \"Post_authorId_fkey\")", pulled);
    }

    [Fact]
    public async Task Pull_notes_check_constraints_and_comments_but_not_MariaDBs_JSON_checks()
    {
        await using var connection = await MySqlRoundTripTests.OpenFreshDatabaseAsync();
        var runner = new MigrationRunner(connection, Dialect);
        await runner.ExecuteScriptAsync("""
            CREATE TABLE `a` (`id` INTEGER NOT NULL, `j` JSON NULL, PRIMARY KEY (`id`));
            CREATE TABLE `b` (`id` INTEGER NOT NULL COMMENT 'the key', PRIMARY KEY (`id`));
            CREATE TABLE `c` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `positive` CHECK (`id` > 0));
            """);
        var notes = await new MySqlPullNotes().ReadAsync(connection, []);
        Assert.False(notes.ContainsKey((null, "a")));
        Assert.Equal([PullNote.DatabaseComments], notes[(null, "b")]);
        Assert.Equal([PullNote.CheckConstraints], notes[(null, "c")]);
        var pulled = await PullAndCheckAsync(connection);
        Assert.Contains("j  Json?", pulled);
    }

    [SharedDataFact]
    public async Task Pull_of_umamis_schema_maps_back_exactly()
    {
        await CreateAndPull(File.ReadAllText(Path.Combine(TestPaths.PrismaProjects, "umami", "mysql", "schema.prisma")));
    }

    /// <summary>
    /// MySQL's index prefix lengths (Prisma's <c>length:</c>) are read, compared, written in DDL and
    /// pulled. (The schema binder does not keep <c>length:</c> yet, so this starts from SQL.)
    /// </summary>
    [Fact]
    public async Task Index_prefix_lengths_are_read_written_and_pulled()
    {
        await using var connection = await MySqlRoundTripTests.OpenFreshDatabaseAsync();
        await new MigrationRunner(connection, Dialect).ExecuteScriptAsync(
            "CREATE TABLE `Note` (`id` INTEGER NOT NULL, `body` TEXT NOT NULL, PRIMARY KEY (`id`), INDEX `Note_body_idx`(`body`(10) DESC)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        var live = await new MySqlIntrospector().IntrospectAsync(connection, []);
        var table = live.FindTable("Note")!;
        var index = Assert.Single(table.Indexes);
        Assert.Equal(new IndexColumn("body", true, null, 10), Assert.Single(index.Columns));
        Assert.Equal("-- CreateIndex\nCREATE INDEX `Note_body_idx` ON `Note`(`body`(10) DESC);\n", Dialect.Render([new Steps.CreateIndex(table, index)]));
        var shorter = table with { Indexes = [index with { Columns = [index.Columns[0] with { Length = 5 }] }] };
        Assert.NotEmpty(SchemaDiffer.Diff(live, live with { Tables = [shorter] }, Dialect));
        var pulled = "datasource db {\n  provider = \"mysql\"\n}\n\n" + SchemaWriter.Write(live, new MySqlPullTypes(), Dialect);
        Assert.Contains("@@index([body(length: 10, sort: Desc)])", pulled);
    }
}
