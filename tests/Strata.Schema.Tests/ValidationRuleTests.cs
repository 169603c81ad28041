using Strata.Schema.Diagnostics;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// One schema per rule that breaks it: the exact code and location are expected, and no other
/// error (unless listed). A test below checks that every code has a case here.
/// </summary>
public class ValidationRuleTests
{
    private const string Sqlite = "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n\n";
    private const string Pg = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
    private const string PgViews = "generator client {\n  provider        = \"strata\"\n  previewFeatures = [\"views\"]\n}\n\n" + Pg;
    private const string MySql = "datasource db {\n  provider = \"mysql\"\n}\n\n";
    private const string PgPrismaRelations = "datasource db {\n  provider     = \"postgresql\"\n  relationMode = \"prisma\"\n}\n\n";

    private const string UserPost = """
        model User {
          id    Int    @id @default(autoincrement())
          email String @unique
          posts Post[]
        }

        """;

    public sealed record Case(string Code, string Schema, string[] Also)
    {
        public override string ToString() => Code;
    }

    private static Case C(string code, string schema, params string[] also) => new(code, schema, also);

    public static IEnumerable<Case> Cases() =>
    [
        // Syntax
        C("S1001", Sqlite + "model A {\n  id Int @id «$»\n}\n"),
        C("S1002", Sqlite + "model A {\n  id   Int    @id\n  name String @default(«\"abc)»\n}\n", "S1003"),
        C("S1003", Sqlite + "model A {\n  id Int @id @default(autoincrement()«»\n}\n"),
        C("S1004", Sqlite + "«modle» A {\n  id Int @id\n}\n"),
        C("S1005", Sqlite + "«model A» {\n  id Int @id\n"),
        C("S1006", Sqlite + "model A {\n  id Int @id\n  «name»\n}\n"),
        C("S1007", Pg + "model A {\n  id Int @id\n  tags String[] @default(" + new string('[', 31) + "«[»" + new string(']', 32) + ")\n}\n", "S1003", "S5001"),
        C("S1008", Sqlite + "model A {\n  id   Int    @id\n  name String @default(\"a«\\q»\")\n}\n"),

        // Names and declarations
        C("S2001", Sqlite + "model User {\n  id Int @id\n}\n\nenum «User» {\n  A\n}\n"),
        C("S2002", Sqlite + "model A {\n  id Int    @id\n  «id» String\n}\n"),
        C("S2003", Sqlite + "enum Role {\n  A\n  «A»\n}\n"),
        C("S2004", Sqlite + "model A {\n  id   Int   @id\n  name «Strin»\n}\n"),
        C("S2005", Sqlite + "datasource «other» {\n  provider = \"sqlite\"\n}\n"),
        C("S2006", "«»model A {\n  id Int @id\n}\n"),
        C("S2007", Sqlite + "model A {\n  id Int @id\n\n  @@map(\"t\")\n}\n\nmodel B {\n  id Int @id\n\n  «@@map(\"t\")»\n}\n"),
        C("S2008", Sqlite + "model A {\n  id Int @id\n  a  Int\n  b  Int\n\n  @@index([a], map: \"x\")\n  «@@index([b], map: \"x\")»\n}\n"),
        C("S2009", Sqlite + "model A {\n  id Int @id\n  a  Int @map(\"c\")\n  «b»  Int @map(\"c\")\n}\n"),
        C("S2010", "datasource db {\n  provider = \"sqlite\"\n  «foo»      = \"x\"\n}\n"),
        C("S2011", Sqlite + "generator a {\n  provider = \"strata\"\n}\n\ngenerator «a» {\n  provider = \"prisma-client-js\"\n}\n"),
        C("S2012", Sqlite + "model «A» {\n  id Int @id\n  a  Int\n  b  Int\n  c  Int\n\n  @@unique([a, b], name: \"c\")\n}\n"),
        C("S2012", Sqlite + "model A {\n  a   Int\n  b   Int\n  a_b Int\n\n  «@@id([a, b])»\n}\n"),
        C("S2013", Sqlite + "model A {\n  id  Int @id\n  «a-b» Int\n}\n"),
        C("S2014", "datasource db {\n  provider             = \"sqlite\"\n  referentialIntegrity = «\"prisma\"»\n}\n\nmodel A {\n  id Int @id\n}\n"),
        C("S2013", Sqlite + "model «String» {\n  id Int @id\n}\n"),

        // Attributes
        C("S2015", "generator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = «[\"superSpeed\"]»\n}\n"),
        C("S2016", "generator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = «[\"tracing\"]»\n}\n"),
        C("S3001", Sqlite + "model A {\n  id Int «@idd»\n}\n", "S4001"),
        C("S3002", Sqlite + "model A {\n  id   Int    @id\n  name String «@map»\n}\n"),
        C("S3003", Sqlite + "model A {\n  id Int @id(«foo»: 1)\n}\n"),
        C("S3004", Sqlite + UserPost + "model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: «Explode»)\n}\n"),
        C("S3005", Sqlite + "model A {\n  id Int @id «@id»\n}\n"),
        C("S3006", Sqlite + UserPost + "model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id]) «@unique»\n}\n"),
        C("S3006", PgViews + "view V {\n  id   Int    «@id»\n  name String\n}\n"),
        C("S3006", PgViews + "view V {\n  id   Int    @unique\n  name String\n\n  «@@index([name])»\n}\n"),
        C("S3007", Sqlite + "model «A» {\n  a Int @id\n  b Int @id\n}\n"),
        C("S3008", Sqlite + "model A {\n  id Int @id\n\n  @@index([«nope»])\n}\n"),
        C("S3009", Sqlite + "model A {\n  id Int? «@id»\n}\n", "S4001"),
        C("S3010", Sqlite + "model A {\n  id Int    @id\n  at String «@updatedAt»\n}\n"),
        C("S3011", Sqlite + "model A {\n  id Int @id\n  a  Int\n\n  @@index([a], map: \"x\", «map: \"y\"»)\n}\n"),

        // Models
        C("S4001", Sqlite + "model «A» {\n  name String\n}\n"),
        C("S4002", Pg + "type Address {\n  street String «@id»\n}\n"),
        C("S4004", Pg + "view «V» {\n  id Int @unique\n}\n"),
        C("S4003", Sqlite + "model User {\n  id    Int    @id\n  posts Post[]\n\n  @@ignore\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  «author»   User @relation(fields: [authorId], references: [id])\n}\n"),

        // Defaults
        C("S5001", Sqlite + "model A {\n  id  Int @id\n  age Int @default(«\"x\"»)\n}\n"),
        C("S5002", Sqlite + "model A {\n  id Int @id @default(«uuid()»)\n}\n"),
        C("S5003", Sqlite + "model A {\n  id String @id @default(«random»())\n}\n"),
        C("S5004", Sqlite + "enum Role {\n  USER\n}\n\nmodel A {\n  id   Int  @id\n  role Role @default(«ADMIN»)\n}\n"),
        C("S5005", Sqlite + "model A {\n  id String @id @default(uuid«(5)»)\n}\n"),
        C("S5006", Sqlite + "model A {\n  id Int @id\n  n  Int @default(«autoincrement()»)\n}\n"),

        // Providers and native types
        C("S6001", "datasource db {\n  provider = «\"sqlserver\"»\n}\n\nmodel A {\n  id Int @id\n}\n"),
        C("S6002", Pg + "model A {\n  id   Int    @id\n  name String «@db.Varchar»(20)\n}\n"),
        C("S6003", Pg + "model A {\n  id  Int @id\n  age Int «@db.VarChar(20)»\n}\n"),
        C("S6004", Pg + "model A {\n  id   Int    @id\n  name String @db.VarChar«(1, 2)»\n}\n"),
        C("S6005", Sqlite + "model A {\n  id   Int      @id\n  «tags» String[]\n}\n"),
        C("S6006", Sqlite + "model A {\n  id Int @id\n  a  Int\n\n  @@index([a], type: «Hash»)\n}\n"),
        C("S6007", Pg + "model A {\n  id Int @id\n\n  «@@schema(\"auth\")»\n}\n"),
        C("S6009", Sqlite + "model A {\n  id Int «@id(map: \"a_pk\")»\n}\n"),
        C("S6010", MySql + "model A {\n  id   Int    @id\n  body String «@unique» @db.Text\n}\n"),
        C("S6011", MySql + "model A {\n  id Int @id\n  a  Int\n\n  «@@index([a], map: \"an_index_name_that_is_far_too_long_for_mysql_to_keep_as_one_identifier\")»\n}\n"),
        C("S6008", "datasource db {\n  provider = \"postgresql\"\n  schemas  = [\"base\"]\n}\n\nmodel «A» {\n  id Int @id\n}\n"),

        // Relations
        C("S7001", Sqlite + "model User {\n  id Int @id\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  «author»   User @relation(fields: [authorId], references: [id])\n}\n"),
        C("S7002", Sqlite + "model User {\n  id     Int    @id\n  «posts»  Post[]\n  edited Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  editorId Int\n  author   User @relation(fields: [authorId], references: [id])\n  editor   User @relation(fields: [editorId], references: [id])\n}\n", "S7002"),
        C("S7003", Sqlite + UserPost + "model Post {\n  id       Int  @id\n  authorId Int\n  author   User «@relation(fields: [authorId, id], references: [id])»\n}\n"),
        C("S7004", Sqlite + UserPost + "model Post {\n  id       Int    @id\n  authorId String\n  author   User   @relation(fields: «[authorId]», references: [id])\n}\n"),
        C("S7005", Sqlite + "model User {\n  id    Int    @id\n  name  String\n  posts Post[]\n}\n\nmodel Post {\n  id         Int    @id\n  authorName String\n  author     User   @relation(fields: [authorName], references: «[name]»)\n}\n"),
        C("S7006", Sqlite + "model User {\n  id      Int      @id\n  profile Profile?\n}\n\nmodel Profile {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: «[userId]», references: [id])\n}\n"),
        C("S7007", Sqlite + "model User {\n  id        Int      @id\n  profileId Int      @unique\n  profile   Profile? «@relation(fields: [profileId], references: [id])»\n}\n\nmodel Profile {\n  id     Int   @id\n  userId Int   @unique\n  user   User? @relation(fields: [userId], references: [id])\n}\n"),
        C("S7008", Sqlite + UserPost + "model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: «SetNull»)\n}\n"),
        C("S7009", Sqlite + UserPost + "model Post {\n  id     Int  @id\n  «author» User\n}\n"),
        C("S7010", Sqlite + UserPost + "model Post {\n  id       Int  @id\n  authorId Int\n  author   User «@relation(fields: [authorId])»\n}\n"),
        C("S7011", Sqlite + "model User {\n  id    Int    @id\n  posts Post[] «@relation(fields: [id], references: [authorId])»\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n"),
        C("S7012", Sqlite + UserPost + "model Post {\n  id       Int  @id\n  authorId Int?\n  «author»   User @relation(fields: [authorId], references: [id])\n}\n"),
        C("S7013", Sqlite + "model Post {\n  a    Int\n  b    Int\n  tags Tag[]\n\n  @@id([a, b])\n}\n\nmodel Tag {\n  id    Int    @id\n  «posts» Post[]\n}\n"),
        C("S7014", Sqlite + "model User {\n  id      Int     @id\n  «profile» Profile\n}\n\nmodel Profile {\n  id     Int  @id\n  userId Int  @unique\n  user   User @relation(fields: [userId], references: [id])\n}\n"),
        C("S7015", Sqlite + UserPost + "model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: «SetDefault»)\n}\n"),
        C("S7016", PgPrismaRelations + "model Node {\n  id       Int    @id\n  parentId Int?\n  parent   Node?  «@relation(\"tree\", fields: [parentId], references: [id], onDelete: Cascade, onUpdate: Restrict)»\n  children Node[] @relation(\"tree\")\n\n  @@index([parentId])\n}\n"),
        C("S7018", "generator client {\n  provider        = \"prisma-client-js\"\n  previewFeatures = [\"views\"]\n}\n\n" + Sqlite + "model Tag {\n  id    Int    @id\n  «posts» Post[]\n}\n\nview Post {\n  id   Int   @unique\n  tags Tag[]\n}\n", "S7013"),
        C("S7017", PgPrismaRelations + UserPost + "model Post {\n  id       Int  @id\n  authorId Int\n  author   User «@relation(fields: [authorId], references: [id])»\n}\n"),
    ];

    public static TheoryData<Case> Data()
    {
        var data = new TheoryData<Case>();
        foreach (var c in Cases()) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Data))]
    public void Rule_reports_its_code_at_the_exact_location(Case rule)
    {
        var schema = MarkedSchema.Parse(rule.Schema);
        var compilation = SchemaCompilation.FromText(schema.Text);
        var all = string.Join("\n", compilation.Diagnostics);
        var match = compilation.Diagnostics.Where(d => d.Code == rule.Code).ToList();
        Assert.True(match.Count > 0, $"expected {rule.Code}; got:\n{all}");
        Assert.Contains(match, d => d.Location.Line == schema.Line && d.Location.Column == schema.Column && d.Location.Length == schema.Length);
        var unexpected = compilation.Diagnostics.Where(d => d.Code != rule.Code && !rule.Also.Contains(d.Code)).ToList();
        Assert.True(unexpected.Count == 0, $"unexpected diagnostics:\n{string.Join("\n", unexpected)}");
        Assert.All(match, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        Assert.All(match, d => Assert.Equal("schema.prisma", d.Location.Path));
    }

    [Fact]
    public void Every_diagnostic_code_has_a_rule_case()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var covered = Cases().Select(c => c.Code).ToHashSet();
        Assert.Empty(codes.Except(covered).Order());
    }

    [Fact]
    public void Every_diagnostic_code_is_documented_in_docs_schema_md()
    {
        var docs = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "schema.md"));
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        var missing = codes.Where(c => !docs.Contains($"`{c}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in docs/schema.md: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("S2006", DiagnosticSeverity.Warning)]
    [InlineData("S6001", DiagnosticSeverity.Warning)]
    [InlineData("S7015", DiagnosticSeverity.Warning)]
    [InlineData("S7008", DiagnosticSeverity.Error)]
    [InlineData("S7017", DiagnosticSeverity.Warning)]
    [InlineData("S2014", DiagnosticSeverity.Warning)]
    [InlineData("S2015", DiagnosticSeverity.Error)]
    [InlineData("S2016", DiagnosticSeverity.Warning)]
    [InlineData("S7016", DiagnosticSeverity.Error)]
    [InlineData("S7001", DiagnosticSeverity.Error)]
    public void Severity_matches_the_rule(string code, DiagnosticSeverity severity)
    {
        var rule = Cases().First(c => c.Code == code);
        var compilation = SchemaCompilation.FromText(MarkedSchema.Parse(rule.Schema).Text);
        Assert.All(compilation.Diagnostics.Where(d => d.Code == code), d => Assert.Equal(severity, d.Severity));
    }
}
