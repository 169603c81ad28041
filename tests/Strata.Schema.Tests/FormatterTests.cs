using Strata.Schema.Formatting;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

public class FormatterTests
{
    private static string Format(string text)
    {
        var once = SchemaFormatter.FormatText(text);
        Assert.NotNull(once);
        Assert.Equal(once, SchemaFormatter.FormatText(once!));
        return once!;
    }

    [Fact]
    public void Columns_align_within_groups_and_a_blank_line_starts_a_new_group()
    {
        var input = "model User {\nid Int @id @default(autoincrement())\nemail String @unique\nname String?\n\ncreatedAt DateTime @default(now())\nupdatedAt DateTime @updatedAt\n}\n";
        Assert.Equal("""
            model User {
              id    Int     @id @default(autoincrement())
              email String  @unique
              name  String?

              createdAt DateTime @default(now())
              updatedAt DateTime @updatedAt
            }

            """, Format(input));
    }

    // Prisma's formatter gives this output for this input (checked with tests/oracle), except that it
    // drops the comment after `model A {`, which Strata keeps (docs/schema.md).
    [Fact]
    public void Every_comment_is_kept_and_moves_as_prisma_moves_it()
    {
        var input = """
            // head comment

            // about the datasource
            datasource db {
            provider = "sqlite" // the engine
              // inside, at the end
            }
            model A { // header
              /// doc for id
              id Int @id
              // a note between fields
              name String // trailing

              // before the index
              @@index([name])
              // last words
            } // after the block
            // the end
            """;
        Assert.Equal("""
            // head comment

            // about the datasource
            datasource db {
              provider = "sqlite" // the engine
              // inside, at the end
            }

            model A { // header
              /// doc for id
              id   Int    @id
              // a note between fields
              name String // trailing
              // last words

              // before the index
              @@index([name])
            }
            // after the block
            // the end

            """, SchemaFormatter.FormatText(input));
    }

    [Fact]
    public void Block_attributes_move_after_the_fields_with_their_comments()
    {
        var input = "model A {\n  // the key\n  @@id([a, b])\n  a Int\n  b Int\n}\n";
        Assert.Equal("model A {\n  a Int\n  b Int\n\n  // the key\n  @@id([a, b])\n}\n", Format(input));
    }

    // Prisma's formatter gives this output for this input (checked with tests/oracle).
    [Fact]
    public void Block_attributes_take_prismas_order_with_their_comments_and_no_blank_lines()
    {
        var input = "model M {\n  a Int\n  b Int\n\n  @@map(\"m\")\n  // about b\n  @@index([b])\n\n  @@unique([a])\n  /// doc\n  @@id([a, b])\n  @@ignore\n  @@unique([b])\n}\n";
        Assert.Equal("model M {\n  a Int\n  b Int\n\n  /// doc\n  @@id([a, b])\n  @@unique([a])\n  @@unique([b])\n  // about b\n  @@index([b])\n  @@map(\"m\")\n  @@ignore\n}\n", Format(input));
    }

    [Fact]
    public void Properties_align_on_the_equals_sign_and_values_print_canonically()
    {
        var input = "generator client {\n provider = \"strata\"\n previewFeatures=[ \"a\" ,\"b\" ]\n}\ndatasource db {\n  provider=\"postgresql\"\n  url = env( \"DATABASE_URL\" )\n}\n";
        Assert.Equal("""
            generator client {
              provider        = "strata"
              previewFeatures = ["a", "b"]
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            """, Format(input));
    }

    [Fact]
    public void Enum_values_align_their_attributes()
    {
        Assert.Equal("enum Role {\n  USER  @map(\"user\")\n  ADMIN\n\n  @@map(\"roles\")\n}\n",
            Format("enum Role {\nUSER @map( \"user\" )\n  ADMIN\n  @@map(\"roles\")\n}"));
    }

    [Fact]
    public void Blank_lines_collapse_and_crlf_becomes_lf()
    {
        var input = "\r\n\r\nmodel A {\r\n\r\n\r\n  id Int @id\r\n\r\n\r\n\r\n  name String\r\n\r\n}\r\n\r\n\r\n\r\nmodel B {\r\n  id Int @id\r\n}\r\n";
        Assert.Equal("model A {\n  id Int @id\n\n  name String\n}\n\nmodel B {\n  id Int @id\n}\n", Format(input));
    }

    [Fact]
    public void Syntax_errors_prevent_formatting()
    {
        Assert.Null(SchemaFormatter.FormatText("model A {\n  id Int @id @default(\n}\n"));
    }

    private const string Sqlite = "datasource db {\n  provider = \"sqlite\"\n}\n\n";

    /// <summary>Comment layouts whose formatting Prisma's formatter settles: each input with its name.</summary>
    public static TheoryData<string, string> CommentLayouts() => new()
    {
        { "after }", Sqlite + "model A {\n  id Int @id\n} // after\nmodel B {\n  id Int @id\n}\n" },
        { "after } of an enum, at the end", Sqlite + "enum E {\n  A\n} // after enum\n" },
        { "after } then blank lines", Sqlite + "model A {\n  id Int @id\n} // c\n\n\n// d\nmodel B {\n  id Int @id\n}\n" },
        { "block and line comment after }", Sqlite + "model A {\n  id Int @id\n} /* x */ // y\n" },
        { "doc comment after }", Sqlite + "model A {\n  id Int @id\n} /// doc\nmodel B {\n  id Int @id\n}\n" },
        { "block comment after }", Sqlite + "model A {\n  id Int @id\n} /* x */\nmodel B {\n  id Int @id\n}\n" },
        { "trailing comment on the last block attribute", Sqlite + "model A {\n  id Int\n  b Int\n\n  @@id([id, b]) // the key\n}\n" },
        { "comment after the last block attribute", Sqlite + "model A {\n  id Int\n  b Int\n\n  @@id([id, b])\n  // after the key\n}\n" },
        { "blank line and comment after the last block attribute", Sqlite + "model A {\n  id Int\n  b Int\n\n  @@id([id, b])\n\n  // after the key\n}\n" },
        { "comments after block attributes between fields", Sqlite + "model A {\n  id Int @id\n  b Int\n  @@index([b])\n  // c\n\n  e Int\n}\n" },
        { "comments around several block attributes", Sqlite + "model A {\n  id Int @id\n  b Int\n  @@index([b])\n\n  // c\n  @@unique([b])\n  // d\n}\n" },
        { "comments at the end after block attributes", Sqlite + "model A {\n  id Int\n  @@id([id])\n  // tail1\n  // tail2\n}\n" },
        { "blank lines around a block attribute that moves", Sqlite + "model A {\n  a Int\n\n  @@index([a])\n\n  b Int @id\n}\n" },
        { "block attribute between fields, no blank lines", Sqlite + "model A {\n  a Int @id\n  @@index([a])\n  b Int\n\n  c Int\n}\n" },
        { "comments between fields and block attributes", Sqlite + "model A {\n  a Int @id\n  // about the index\n  @@index([a])\n  // about b\n  b Int\n}\n" },
        { "comment and blank line above a block attribute", Sqlite + "model A {\n  id Int @id\n  name String // n\n  // c1\n\n  // c2\n  @@index([name])\n}\n" },
        { "trailing comment on a block attribute between fields", Sqlite + "model A {\n  a Int @id\n  @@index([a]) // idx\n  b Int\n}\n" },
        { "doc comments on fields and block attributes", Sqlite + "model A {\n  /// the id\n  id Int @id\n  /// the index\n  @@index([id])\n  /// more\n  n Int\n}\n" },
        { "block comment ending a field", Sqlite + "model A {\n  id Int @id /* x */\n}\n" },
        { "block comment before a field", Sqlite + "model A {\n  /* x */ id Int @id\n}\n" },
        { "block comment over two lines in a model", Sqlite + "model A {\n  id Int @id\n  /* one\n     two */\n  name String\n}\n" },
        { "block comments between blocks", Sqlite + "/* top */\nmodel A {\n  id Int @id\n}\n/* bottom\n   two */\n" },
        { "block comment before model", Sqlite + "/* x */ model A {\n  id Int @id\n}\n" },
        { "trailing comments on enum values", Sqlite + "enum Role {\n  USER // the user\n  ADMIN @map(\"admin\") // the admin\n  GUEST\n}\n" },
        { "enum values in groups with a block attribute", Sqlite + "enum Role {\n  USER // u\n\n  ADMIN // a\n  @@map(\"roles\") // m\n}\n" },
        { "comment lines between enum values", Sqlite + "enum Role {\n  // first\n  USER\n  /// doc\n  ADMIN\n  // last\n}\n" },
        { "datasource with comments", "// about\ndatasource db {\n  // provider next\n  provider = \"postgresql\" // pg\n  /// doc\n  url = env(\"X\")\n  // end\n} // after ds\n" },
        { "generator with comments", "generator client {\n  provider = \"prisma-client-js\" // js\n\n  // features\n  previewFeatures = [\"views\"] // v\n}\n\ndatasource db {\n  provider = \"postgresql\"\n}\n" },
        { "a block of comments only", Sqlite + "model A {\n  // nothing\n}\n" },
    };

    // Prisma's own output is formatted again too: a comment moved below `}` gets a blank line above
    // it on the second run, in both formatters.
    [OracleTheory]
    [MemberData(nameof(CommentLayouts))]
    public void Comment_layout_formats_as_Prisma_formats_it(string layout, string input)
    {
        var prisma = PrismaOracle.Format(input);
        Assert.True(prisma == SchemaFormatter.FormatText(input), $"{layout}: Strata's first run differs from Prisma's.");
        Assert.True(PrismaOracle.Format(prisma) == SchemaFormatter.FormatText(prisma), $"{layout}: Strata's second run differs from Prisma's.");
    }

    // The one layout where Strata keeps what Prisma's formatter drops: a comment after `{`.
    [OracleTheory]
    [InlineData("model A { // header\n  id Int @id\n}\n", "// header")]
    [InlineData("model A { /* header */\n  id Int @id\n}\n", "/* header */")]
    [InlineData("enum E { /// header\n  A\n}\n", "/// header")]
    public void A_comment_after_the_opening_brace_is_kept_where_Prisma_drops_it(string block, string comment)
    {
        var input = Sqlite + block;
        var strata = Format(input);
        Assert.Contains(" { " + comment + "\n", strata);
        Assert.Equal(PrismaOracle.Format(input), strata.Replace(" " + comment, string.Empty));
    }

    [Fact]
    public void A_comment_after_the_closing_brace_moves_below_it()
    {
        var input = "model A {\n  id Int @id\n} // after A\nmodel B {\n  id Int @id\n} /* after B */\n";
        Assert.Equal("model A {\n  id Int @id\n}\n// after A\nmodel B {\n  id Int @id\n}\n/**\n * after B\n */\n",
            SchemaFormatter.FormatText(input));
    }

    [Fact]
    public void Comments_after_the_last_block_attribute_stay_with_the_fields()
    {
        var input = "model A {\n  id Int\n  b Int\n\n  @@id([id, b])\n\n  // after the key\n  @@index([b])\n  // last\n}\n";
        Assert.Equal("model A {\n  id Int\n  b  Int\n  // last\n\n  @@id([id, b])\n  // after the key\n  @@index([b])\n}\n",
            Format(input));
    }
}
