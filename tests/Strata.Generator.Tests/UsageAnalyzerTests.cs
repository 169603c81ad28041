extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using generator::Strata.Generator.Analyzers;

namespace Strata.Generator.Tests;

/// <summary>Misuse of the generated client that the compiler reports with a message that says what to do instead.</summary>
public class UsageAnalyzerTests
{
    private const string Schema = """
        datasource db {
          provider = "sqlite"
        }

        generator client {
          provider  = "strata"
          namespace = "Shop.Data"
        }

        enum Kind {
          A
          B
        }

        model Item {
          id       Int     @id
          code     String  @unique
          note     String?
          active   Boolean
          flag     Boolean?
          kind     Kind
          maybe    Kind?
          data     Json
          extra    Json?
          size     Int
          weight   Int?
        }
        """;

    private static List<Diagnostic> Errors(string body)
    {
        var code = $$"""
            using System.Linq;
            using System.Threading.Tasks;
            using Shop.Data;
            using Strata;
            public static class Program
            {
                public static void Main() { }
                public static async Task Run(Db db)
                {
                    {{body}}
                }
            }
            """;
        var (output, result) = ClientGenerationTests.Generate(Schema, code);
        Assert.Empty(result.Diagnostics);
        var analyzers = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequiredFieldNullAnalyzer()));
        return analyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Theory]
    [InlineData("x.Code == null", "Code", "matches no row")]
    [InlineData("x.Code != null", "Code", "matches every row")]
    [InlineData("x.Code.Insensitive == null", "Code", "matches no row")]
    [InlineData("x.Active == null", "Active", "matches no row")]
    [InlineData("x.Kind == null", "Kind", "matches no row")]
    [InlineData("x.Data != null", "Data", "matches every row")]
    [InlineData("x.Code == default", "Code", "matches no row")]
    public void Null_on_a_required_field_is_a_located_error(string filter, string field, string says)
    {
        var error = Assert.Single(Errors($"await db.Items.Where(x => {filter}).FindManyAsync();"));
        Assert.Equal("SG2001", error.Id);
        Assert.Contains($"'{field}' is a required field", error.GetMessage());
        Assert.Contains(says, error.GetMessage());
        Assert.Equal(filter, error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Theory]
    [InlineData("x.Note == null")]
    [InlineData("x.Note != null")]
    [InlineData("x.Flag == null")]
    [InlineData("x.Maybe == null")]
    [InlineData("x.Extra == null")]
    [InlineData("x.Weight == null")]
    [InlineData("x.Code == \"a\" && x.Active && x.Kind == Kind.A")]
    public void Null_on_an_optional_field_and_values_on_required_ones_compile(string filter) =>
        Assert.Empty(Errors($"await db.Items.Where(x => {filter}).FindManyAsync();"));

    [Fact]
    public void Select_is_the_generated_projection_not_linqs() =>
        Assert.Empty(Errors("var codes = await db.Items.Where(x => x.Active).Select(x => new { x.Code, x.Size }).FindManyAsync(); string first = codes[0].Code;"));

    [Fact]
    public void Null_on_a_required_number_does_not_compile_either() =>
        Assert.Contains(Errors("await db.Items.Where(x => x.Size == null).FindManyAsync();"), e => e.Id == "CS0019");

    [Theory]
    [InlineData("await db.Items.ToListAsync();", "FindManyAsync")]
    [InlineData("await db.Items.Where(x => x.Active).ToListAsync();", "FindManyAsync")]
    [InlineData("await db.Items.FirstOrDefaultAsync();", "FindFirstAsync")]
    [InlineData("await db.Items.FirstAsync();", "FindFirstOrThrowAsync")]
    [InlineData("await db.Items.SingleOrDefaultAsync();", "FindUniqueAsync")]
    [InlineData("await db.Items.AnyAsync();", "CountAsync")]
    [InlineData("db.Items.ToList();", "FindManyAsync")]
    [InlineData("db.Items.First();", "FindFirstOrThrowAsync")]
    [InlineData("db.Items.Count();", "CountAsync")]
    [InlineData("db.Items.OrderByDescending(x => x.Size);", "Desc()")]
    [InlineData("db.Items.OrderBy(x => x.Size).ThenBy(x => x.Code);", "OrderBy")]
    [InlineData("db.Items.Where(x => x.Active).Any(x => x.Size > 1);", "CountAsync")]
    public void A_linq_call_that_queries_do_not_offer_says_what_to_use(string statement, string use)
    {
        var error = Assert.Single(Errors(statement));
        Assert.Equal("CS0619", error.Id);
        Assert.Contains("Strata queries", error.GetMessage());
        Assert.Contains(use, error.GetMessage());
    }
}
