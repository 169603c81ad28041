using Strata.TestSupport;

namespace Strata.Migrate.Tests.Oracle;

/// <summary>The oracle itself answers as Prisma does, so comparisons against it mean something.</summary>
public sealed class OracleTests
{
    private const string Sqlite = """
        datasource db {
          provider = "sqlite"
        }

        model User {
          id Int @id
          email String @unique
          posts Post[]
        }

        model Post {
          id Int @id
          authorId Int
          author User @relation(fields: [authorId], references: [id])
        }
        """;

    [OracleFact]
    public void Format_aligns_fields_as_prisma_format_does()
    {
        var formatted = PrismaOracle.Format(Sqlite);
        Assert.Contains("  id    Int    @id\n  email String @unique\n", formatted);
        Assert.Contains("  author   User @relation(fields: [authorId], references: [id])\n", formatted);
    }

    [OracleFact]
    public void Validate_accepts_a_valid_schema_and_names_the_line_of_an_error()
    {
        Assert.True(PrismaOracle.Validate(Sqlite).IsValid);
        var broken = PrismaOracle.Validate(Sqlite.Replace("authorId Int\n", "authorId Strin\n"));
        Assert.False(broken.IsValid);
        Assert.Contains("Type \"Strin\" is neither a built-in type", broken.Message);
        Assert.Contains("schema.prisma:13", broken.Message);
    }

    [OracleFact]
    public void Diff_from_empty_on_sqlite_needs_no_database()
    {
        var sql = PrismaOracle.DiffSqlite(null, Sqlite);
        Assert.StartsWith("-- CreateTable\nCREATE TABLE \"User\" (", sql);
        Assert.Contains("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");", sql);
        Assert.Contains("CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"User\" (\"id\")", sql);
    }

    [OracleFact]
    public async Task Diff_between_two_schemas_on_postgres_uses_a_live_database()
    {
        var database = await PostgresServer.Shared.CreateDatabaseAsync("oracle");
        try
        {
            var from = Sqlite.Replace("\"sqlite\"", "\"postgresql\"");
            var to = from.Replace("  email String @unique\n", "  email String @unique\n  name String?\n");
            var sql = PrismaOracle.DiffPostgres(from, to, database);
            Assert.Equal("-- AlterTable\nALTER TABLE \"User\" ADD COLUMN     \"name\" TEXT;\n", sql);
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(database);
        }
    }
}
