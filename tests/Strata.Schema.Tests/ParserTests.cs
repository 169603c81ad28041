using Strata.Schema.Syntax;
using Strata.Schema.Text;

using Strata.TestSupport;

namespace Strata.Schema.Tests;

public class ParserTests
{
    private static SchemaDocument ParseClean(string text)
    {
        var (document, diagnostics) = Parser.Parse(new SourceFile("schema.prisma", text));
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        return document;
    }

    [Fact]
    public void Parses_every_kind_of_block()
    {
        var doc = ParseClean("""
            datasource db {
              provider = "postgresql"
            }
            generator client {
              provider      = "strata"
              binaryTargets = [
                "native",
                "debian-openssl-3.0.x"
              ]
            }
            model A {
              id Int @id
            }
            view V {
              id Int @unique
            }
            type T {
              x String
            }
            enum E {
              ONE
              TWO @map("two")
            }
            """);
        Assert.Equal([BlockKind.Datasource, BlockKind.Generator, BlockKind.Model, BlockKind.View, BlockKind.Type, BlockKind.Enum], doc.Blocks.Select(b => b.Kind));
        var targets = (ArrayExpression)doc.Blocks.ElementAt(1).Properties.Single(p => p.Name == "binaryTargets").Value!;
        Assert.Equal(["native", "debian-openssl-3.0.x"], targets.Items.Cast<StringLiteral>().Select(s => s.Value));
        var values = doc.Blocks.Last().EnumValues.ToList();
        Assert.Equal(["ONE", "TWO"], values.Select(v => v.Name));
        Assert.Equal("map", values[1].Attributes.Single().Name);
    }

    [Fact]
    public void Field_types_and_attribute_arguments_keep_their_structure()
    {
        var doc = ParseClean("""
            model Post {
              id     Int                   @id @default(autoincrement())
              tags   String[]
              note   String?               @db.VarChar(255)
              shape  Unsupported("circle")?
              author User                  @relation("Author", fields: [authorId], references: [id], onDelete: Cascade)

              @@index([title(sort: Desc), id], type: Hash)
            }
            """);
        var fields = doc.Blocks.Single().Fields.ToList();
        Assert.True(fields[1].Type!.IsList);
        Assert.True(fields[2].Type!.IsOptional);
        Assert.Equal("db.VarChar", fields[2].Attributes[0].Name);
        Assert.Equal("255", ((NumberLiteral)fields[2].Attributes[0].ArgumentItems[0].Value).Text);
        Assert.Equal("Unsupported", fields[3].Type!.Name);
        Assert.Equal("circle", ((StringLiteral)fields[3].Type!.Arguments!.Items[0].Value).Value);
        Assert.True(fields[3].Type!.IsOptional);
        var relation = fields[4].Attributes[0].ArgumentItems;
        Assert.Null(relation[0].Name);
        Assert.Equal(["fields", "references", "onDelete"], relation.Skip(1).Select(a => a.Name));
        Assert.Equal("Cascade", ((ConstantExpression)relation[3].Value).Name);
        var index = doc.Blocks.Single().BlockAttributes.Single();
        Assert.True(index.IsBlock);
        var first = (FunctionCall)((ArrayExpression)index.ArgumentItems[0].Value).Items[0];
        Assert.Equal("title", first.Name);
        Assert.Equal("sort", first.Arguments.Items[0].Name);
        Assert.Equal("Desc", ((ConstantExpression)first.Arguments.Items[0].Value).Name);
    }

    [Fact]
    public void Spans_give_exact_lines_and_columns_also_with_crlf()
    {
        var file = new SourceFile("s.prisma", "model A {\r\n  id   Int @id\r\n  name String\r\n}\r\n");
        var (doc, diagnostics) = Parser.Parse(file);
        Assert.Empty(diagnostics);
        var name = doc.Blocks.Single().Fields.Last();
        var location = file.GetLocation(name.NameSpan);
        Assert.Equal((3, 3, 4), (location.Line, location.Column, location.Length));
        Assert.Equal("  name String", file.GetLineText(3));
    }

    [Fact]
    public void Doc_comments_attach_to_the_element_below_and_plain_comments_do_not()
    {
        var doc = ParseClean("""
            /// A user.
            /// Second line.
            model User {
              /// The key.
              id    Int    @id
              // not documentation
              email String // trailing

              //// four slashes are a plain comment
              name  String
            }
            """);
        var user = doc.Blocks.Single();
        Assert.Equal("A user.\nSecond line.", user.Documentation);
        var fields = user.Fields.ToList();
        Assert.Equal("The key.", fields[0].Documentation);
        Assert.Null(fields[1].Documentation);
        Assert.Equal("// trailing", fields[1].TrailingComment);
        Assert.Null(fields[2].Documentation);
    }

    [Fact]
    public void Strings_are_unescaped()
    {
        var doc = ParseClean("model A {\n  s String @default(\"a\\\"b\\\\c\\n\\u00e9\")\n}\n");
        var literal = (StringLiteral)doc.Blocks.Single().Fields.Single().Attributes[0].ArgumentItems[0].Value;
        Assert.Equal("a\"b\\c\né", literal.Value);
        Assert.Equal("\"a\\\"b\\\\c\\n\\u00e9\"", literal.RawText);
    }

    [Fact]
    public void The_parser_recovers_and_reports_errors_in_every_block()
    {
        var (doc, diagnostics) = Parser.Parse(new SourceFile("s.prisma", """
            model A {
              id Int @id @default(
              name String
            }

            modle B {
              id Int @id
            }

            model C {
              id Int @id $
            }

            model D {
              id Int @id
            """));
        Assert.Equal(["S1003", "S1004", "S1001", "S1005"], diagnostics.Select(d => d.Code));
        Assert.Equal(["A", "C", "D"], doc.Blocks.Select(b => b.Name));
        Assert.Equal(["id", "name"], doc.Blocks.First().Fields.Select(f => f.Name));
    }

    [Fact]
    public void A_block_missing_its_brace_ends_where_the_next_block_starts()
    {
        var (doc, diagnostics) = Parser.Parse(new SourceFile("s.prisma", "model A {\n  id Int @id\n\nmodel B {\n  id Int @id\n}\n"));
        Assert.Equal("S1005", Assert.Single(diagnostics).Code);
        Assert.Equal(["A", "B"], doc.Blocks.Select(b => b.Name));
        Assert.Single(doc.Blocks.Last().Fields);
    }

    [Fact]
    public void A_run_of_bad_characters_is_one_diagnostic_over_the_run()
    {
        var (_, diagnostics) = Parser.Parse(new SourceFile("s.prisma", "model A {\n  id Int @id $ % $\n  b Int ~\n}\n" + new string('\0', 100_000)));
        Assert.Equal(["S1001", "S1001", "S1001"], diagnostics.Select(d => d.Code));
        Assert.Equal((2, 14, 5), (diagnostics[0].Location.Line, diagnostics[0].Location.Column, diagnostics[0].Location.Length));
        Assert.StartsWith("Unexpected characters: '$' and 2 more.", diagnostics[0].Message);
        Assert.StartsWith("Unexpected character '~'.", diagnostics[1].Message);
        Assert.Equal(100_000, diagnostics[2].Location.Length);
        Assert.StartsWith("Unexpected characters: '\\u0000' and 99999 more.", diagnostics[2].Message);
    }
}
