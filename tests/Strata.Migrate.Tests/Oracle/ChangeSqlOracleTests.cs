using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Migrate.Tests.Oracle;

/// <summary>
/// `migrate diff --from-schema A --to-schema B --script` from Strata against Prisma's schema engine,
/// where B is A with one change of the kinds a migration meets: fields added, dropped, retyped, made
/// optional or given a default (also several at once, out of name order, or in two tables, which
/// SQLite rebuilds in one section); indexes and uniques; relations; enum values; @map and @@map.
/// </summary>
public sealed class ChangeSqlOracleTests(ITestOutputHelper output)
{
    private const string Base = """
        datasource db {
          provider = "PROVIDER"
        }

        enum Role {
          ADMIN
          MEMBER
        }

        model User {
          id    Int     @id @default(autoincrement())
          email String  @unique
          name  String?
          age   Int
          role  Role    @default(MEMBER)
          posts Post[]
        }

        model Post {
          id       Int    @id @default(autoincrement())
          title    String
          body     String
          authorId Int
          author   User   @relation(fields: [authorId], references: [id])
        }
        """;

    /// <summary>Each change as the text it replaces and the text it puts there.</summary>
    private static readonly (string Name, string Find, string Replace)[] Changes =
    [
        ("add optional field", "  age   Int\n", "  age   Int\n  bio   String?\n"),
        ("add required field with default", "  age   Int\n", "  age   Int\n  score Float @default(1.5)\n"),
        ("drop field", "  body     String\n", ""),
        ("add fields out of name order", "  age   Int\n", "  age   Int\n  zeta  String?\n  alpha Int?\n  Mid   Boolean?\n"),
        ("drop fields out of name order", "  title    String\n  body     String\n", ""),
        ("make fields of two tables optional", "  age   Int\n  role  Role    @default(MEMBER)\n  posts Post[]\n}\n\nmodel Post {\n  id       Int    @id @default(autoincrement())\n  title    String\n", "  age   Int?\n  role  Role    @default(MEMBER)\n  posts Post[]\n}\n\nmodel Post {\n  id       Int    @id @default(autoincrement())\n  title    String?\n"),
        ("make field optional", "  age   Int\n", "  age   Int?\n"),
        ("make field required", "  name  String?\n", "  name  String\n"),
        ("change field type", "  body     String\n", "  body     Int\n"),
        ("add a field and alter others", "  name  String?\n  age   Int\n", "  name  String\n  age   BigInt\n  bio   String?\n"),
        ("add default", "  age   Int\n", "  age   Int @default(18)\n"),
        ("add index", "  author   User   @relation(fields: [authorId], references: [id])\n", "  author   User   @relation(fields: [authorId], references: [id])\n\n  @@index([authorId])\n"),
        ("add compound unique", "  author   User   @relation(fields: [authorId], references: [id])\n", "  author   User   @relation(fields: [authorId], references: [id])\n\n  @@unique([authorId, title])\n"),
        ("add field unique", "  title    String\n", "  title    String @unique\n"),
        ("drop unique", "  email String  @unique\n", "  email String\n"),
        ("cascade on delete", "references: [id])\n", "references: [id], onDelete: Cascade)\n"),
        ("add enum value", "  MEMBER\n}", "  MEMBER\n  GUEST\n}"),
        ("remove enum value", "  ADMIN\n  MEMBER\n", "  MEMBER\n"),
        ("map a field", "  name  String?\n", "  name  String? @map(\"full_name\")\n"),
        ("map a model", "  posts Post[]\n}", "  posts Post[]\n\n  @@map(\"users\")\n}"),
        ("add a model with a relation", "  posts Post[]\n}", "  posts Post[]\n  tags  Tag[]\n}\n\nmodel Tag {\n  id     Int  @id @default(autoincrement())\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n}"),
    ];

    /// <summary>
    /// Changes Strata still writes differently, each with its cause (see docs/migrations.md): String
    /// to Int on PostgreSQL, where the engine drops the column and adds it again, losing its values,
    /// and Strata converts them with USING.
    /// </summary>
    private static readonly HashSet<string> KnownDifferences = ["change field type postgresql"];

    public static IEnumerable<object[]> Cases() =>
        from change in Changes
        from provider in new[] { "sqlite", "postgresql" }
        select new object[] { change.Name, provider };

    [OracleTheory]
    [MemberData(nameof(Cases))]
    public async Task Change_script_matches_the_schema_engine(string change, string provider)
    {
        var (_, find, replace) = Changes.Single(c => c.Name == change);
        var from = Base.Replace("PROVIDER", provider);
        Assert.Contains(find, from);
        var to = from.Replace(find, replace);
        var strata = OracleDiff.Strata(from, to, provider);
        Assert.True(strata != null, "Strata rejects the changed schema");
        var engine = await OracleDiff.EngineAsync(from, to, provider);
        output.WriteLine($"engine:\n{engine}\nstrata:\n{strata}");
        if (KnownDifferences.Contains($"{change} {provider}"))
        {
            Assert.True(engine != strata, $"{change} on {provider} is listed as a known difference and now matches: take it off the list");
            return;
        }
        Assert.Equal(engine, strata);
    }
}
