using Microsoft.Data.Sqlite;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Schema;
using Strata.TestSupport;
using Strata.Sqlite.Migrations;

namespace Strata.Migrate.Tests;

/// <summary>The SQL that creates a schema from nothing on SQLite: Prisma's SQL, and it runs.</summary>
public class SqliteCreateSqlTests
{
    private static readonly SqliteMigrationDialect Dialect = new();

    private static string CreateSql(string schemaText)
    {
        var compilation = SchemaCompilation.FromText(schemaText);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var target = SchemaMapper.Map(compilation.Schema, Dialect);
        return Dialect.Render(MigrationPlanner.CreateAll(target, Dialect));
    }

    [SharedDataFact]
    public void Epic_stack_schema_gives_the_sql_of_its_prisma_init_migration_statement_for_statement()
    {
        var project = Path.Combine(TestPaths.PrismaProjects, "epic-stack");
        var expected = File.ReadAllText(Path.Combine(project, "migrations", "20250221233640_init", "migration.sql"));
        // The project appended hand-written seed data after Prisma's generated statements.
        expected = expected[..expected.IndexOf("--------------------------------- Manual Seeding", StringComparison.Ordinal)].TrimEnd() + "\n";
        var actual = CreateSql(File.ReadAllText(Path.Combine(project, "schema.prisma")));
        Assert.Equal(Statements(expected), Statements(actual));
        Assert.Equal(expected, actual);
    }

    private static List<string> Statements(string sql) =>
        sql.Split(";\n").Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    [Fact]
    public void Autoincrement_compound_keys_defaults_and_enums_render_and_run()
    {
        var sql = CreateSql("""
            datasource db {
              provider = "sqlite"
            }

            enum Role {
              USER  @map("user")
              ADMIN
            }

            model User {
              id      Int      @id @default(autoincrement())
              name    String   @default("it's")
              role    Role     @default(USER)
              score   Float    @default(1.5)
              active  Boolean  @default(true)
              joined  DateTime @default(now())
              tags    Tag[]
              memberOf Membership[]
            }

            model Tag {
              id    Int    @id
              users User[]
            }

            model Membership {
              userId  Int
              groupId Int
              user    User @relation(fields: [userId], references: [id], onDelete: Cascade)

              @@id([userId, groupId])
              @@index([groupId(sort: Desc)])
            }
            """);
        Assert.Contains("\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT", sql);
        Assert.Contains("\"name\" TEXT NOT NULL DEFAULT 'it''s'", sql);
        Assert.Contains("\"role\" TEXT NOT NULL DEFAULT 'user'", sql);
        Assert.Contains("\"score\" REAL NOT NULL DEFAULT 1.5", sql);
        Assert.Contains("\"active\" BOOLEAN NOT NULL DEFAULT true", sql);
        Assert.Contains("\"joined\" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP", sql);
        Assert.Contains("PRIMARY KEY (\"userId\", \"groupId\")", sql);
        Assert.Contains("CREATE INDEX \"Membership_groupId_idx\" ON \"Membership\"(\"groupId\" DESC);", sql);
        Assert.Contains("CREATE UNIQUE INDEX \"_TagToUser_AB_unique\" ON \"_TagToUser\"(\"A\", \"B\");", sql);

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "PRAGMA foreign_keys = ON; INSERT INTO \"User\" DEFAULT VALUES; SELECT \"id\", \"name\", \"role\", \"active\" FROM \"User\";";
        using var reader = insert.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal("it's", reader.GetString(1));
        Assert.Equal("user", reader.GetString(2));
        Assert.True(reader.GetBoolean(3));
    }

    [SharedDataFact]
    public void Epic_stack_sql_creates_a_working_database()
    {
        var project = Path.Combine(TestPaths.PrismaProjects, "epic-stack");
        var sql = CreateSql(File.ReadAllText(Path.Combine(project, "schema.prisma")));
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal(13L, (long)tables.ExecuteScalar()!); // 11 models and 2 join tables
        using var fk = connection.CreateCommand();
        fk.CommandText = "PRAGMA foreign_keys = ON; INSERT INTO \"Note\" (\"id\", \"title\", \"content\", \"updatedAt\", \"ownerId\") VALUES ('n', 't', 'c', 0, 'nobody');";
        var error = Assert.Throws<SqliteException>(() => fk.ExecuteNonQuery());
        Assert.Contains("FOREIGN KEY", error.Message);
    }
}
