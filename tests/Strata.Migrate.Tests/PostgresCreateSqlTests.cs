using Npgsql;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Schema.Semantics;
using Strata.TestSupport;

namespace Strata.Migrate.Tests;

/// <summary>The SQL that creates a schema from nothing on PostgreSQL: Prisma's statements, run on a real server.</summary>
public class PostgresCreateSqlTests
{
    private static readonly PostgresMigrationDialect Dialect = new();

    private static (SchemaDefinition Schema, string Sql) CreateSql(string schemaText)
    {
        var compilation = SchemaCompilation.FromText(schemaText);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var target = SchemaMapper.Map(compilation.Schema, Dialect);
        return (compilation.Schema, Dialect.Render(MigrationPlanner.CreateAll(target, Dialect)));
    }

    public static TheoryData<string> PostgresSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid"), "*.prisma").Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(file).Contains("provider = \"postgresql\"", StringComparison.Ordinal)) data.Add(Path.Combine("Schemas", "valid", Path.GetFileName(file)));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PostgresSchemas))]
    public Task Create_sql_runs_on_a_real_server_and_makes_every_table(string path) => CreateOnServer(path);

    [SharedDataTheory]
    [MemberData(nameof(RoundTripTests.PostgresProjects), MemberType = typeof(RoundTripTests))]
    public Task Create_sql_of_a_real_project_runs_on_a_real_server_and_makes_every_table(string path) => CreateOnServer(path);

    private static async Task CreateOnServer(string path)
    {
        var (schema, sql) = CreateSql(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path)));
        await using var connection = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("create"));
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();

        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        long expected = schema.Models.Count(m => !m.IsView) + schema.Relations.Count(r => r.Kind == RelationKind.ManyToMany);
        Assert.Equal(expected, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public void Statements_have_prismas_shape()
    {
        var (_, sql) = CreateSql("""
            datasource db {
              provider = "postgresql"
            }

            enum Role {
              ADMIN
              MEMBER
            }

            model User {
              id     Int      @id @default(autoincrement())
              name   String   @db.VarChar(255)
              role   Role     @default(MEMBER)
              tags   String[] @default([])
              codes  String[] @default(["a"])
              born   DateTime @db.Timestamptz(3)
              score  Float
              data   Json     @default("{}")
              posts  Post[]
              groups Group[]
            }

            model Post {
              id       String @id @default(uuid())
              authorId Int?
              author   User?  @relation(fields: [authorId], references: [id])

              @@index([authorId], type: Hash)
            }

            model Group {
              id    Int    @id
              users User[]
            }
            """);
        Assert.StartsWith("-- CreateEnum\nCREATE TYPE \"Role\" AS ENUM ('ADMIN', 'MEMBER');\n\n-- CreateTable\nCREATE TABLE \"User\" (\n    \"id\" SERIAL NOT NULL,\n", sql);
        Assert.Contains("    \"name\" VARCHAR(255) NOT NULL,\n", sql);
        Assert.Contains("    \"role\" \"Role\" NOT NULL DEFAULT 'MEMBER',\n", sql);
        Assert.Contains("    \"tags\" TEXT[] DEFAULT ARRAY[]::TEXT[],\n", sql);
        Assert.Contains("    \"codes\" TEXT[] DEFAULT ARRAY['a']::TEXT[],\n", sql);
        Assert.Contains("    \"born\" TIMESTAMPTZ(3) NOT NULL,\n", sql);
        Assert.Contains("    \"score\" DOUBLE PRECISION NOT NULL,\n", sql);
        Assert.Contains("    \"data\" JSONB NOT NULL DEFAULT '{}',\n\n    CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\")\n);", sql);
        Assert.Contains("CREATE INDEX \"Post_authorId_idx\" ON \"Post\" USING HASH (\"authorId\");", sql);
        Assert.Contains("CONSTRAINT \"_GroupToUser_AB_pkey\" PRIMARY KEY (\"A\",\"B\")", sql);
        Assert.Contains("CREATE INDEX \"_GroupToUser_B_index\" ON \"_GroupToUser\"(\"B\");", sql);
        Assert.EndsWith("-- AddForeignKey\nALTER TABLE \"_GroupToUser\" ADD CONSTRAINT \"_GroupToUser_B_fkey\" FOREIGN KEY (\"B\") REFERENCES \"User\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE;\n", sql);
        Assert.Contains("ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"User\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;", sql);
    }

    [SharedDataFact]
    public void Statements_for_saas_starter_kit_appear_in_its_prisma_history()
    {
        // Statements that the project's history wrote once and never changed must be identical.
        var project = Path.Combine(TestPaths.PrismaProjects, "saas-starter-kit");
        var (_, sql) = CreateSql(File.ReadAllText(Path.Combine(project, "schema.prisma")));
        var history = string.Join("\n", Directory.GetDirectories(Path.Combine(project, "migrations")).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "migration.sql")).Where(File.Exists).Select(File.ReadAllText)).Replace("\r\n", "\n");
        foreach (var statement in new[]
        {
            "CREATE TYPE \"Role\" AS ENUM ('ADMIN', 'OWNER', 'MEMBER');",
            "CREATE UNIQUE INDEX \"Account_provider_providerAccountId_key\" ON \"Account\"(\"provider\", \"providerAccountId\");",
            "ALTER TABLE \"Account\" ADD CONSTRAINT \"Account_userId_fkey\" FOREIGN KEY (\"userId\") REFERENCES \"User\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE;",
        })
        {
            Assert.Contains(statement, history);
            Assert.Contains(statement, sql);
        }
    }
}
