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

    [Fact]
    public void Every_comment_is_kept_where_it_was()
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

              // before the index
              @@index([name])
              // last words
            } // after the block

            // the end

            """, Format(input));
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
}
