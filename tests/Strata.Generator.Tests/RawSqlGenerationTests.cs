extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using generator::Strata.Generator;
using generator::Strata.Generator.Analyzers;
using generator::Strata.Generator.RawRows;

namespace Strata.Generator.Tests;

/// <summary>Raw SQL's row types at compile time: [RawRow] readers are generated, and types raw SQL cannot read are located errors.</summary>
public class RawSqlGenerationTests
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
          id   Int    @id
          kind Kind
        }
        """;

    private static (Compilation Output, ImmutableArray<Diagnostic> Generator, List<Diagnostic> Errors) Build(string declarations, string body)
    {
        var code = $$"""
            using System.Threading.Tasks;
            using Shop.Data;
            using Strata;
            {{declarations}}
            public static class Program
            {
                public static void Main() { }
                public static async Task Run(Db db)
                {
                    {{body}}
                }
            }
            """;
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new StrataGenerator().AsSourceGenerator(), new RawRowGenerator().AsSourceGenerator()],
            [new ClientGenerationTests.SchemaText("/app/schema.prisma", Schema)], parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        driver = driver.RunGeneratorsAndUpdateCompilation(ClientGenerationTests.Compilation(code), out var output, out var diagnostics);
        var analyzed = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RawQueryTypeAnalyzer()));
        var errors = analyzed.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return (output, diagnostics, errors);
    }

    [Fact]
    public void Raw_row_types_entities_and_scalars_compile_with_generated_readers()
    {
        var (output, generator, errors) = Build("""
            [RawRow] public sealed record Stat(int Id, string Label, long? Total, Kind Kind);
            [RawRow] public sealed class Line { public int Id { get; set; } public string? Note { get; init; } public System.Guid Key { get; set; } }
            """, """
            await db.QueryRawAsync<Stat>($"SELECT 1");
            await db.QueryRawAsync<Line>($"SELECT 1");
            await db.QueryRawAsync<Item>($"SELECT 1");
            await db.QueryRawAsync<int>($"SELECT 1");
            await db.QueryRawAsync<Kind?>($"SELECT 1");
            await db.QueryRawUnsafeAsync<string>("SELECT $1", "x");
            """);
        Assert.Empty(generator);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var warnings = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("RawRow.Stat.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("public sealed class Plain { public int Id { get; set; } }", "db.QueryRawAsync<Plain>($\"SELECT 1\")", "Plain")]
    [InlineData("", "db.QueryRawAsync<System.Collections.Generic.List<int>>($\"SELECT 1\")", "System.Collections.Generic.List<int>")]
    [InlineData("", "db.QueryRawUnsafeAsync<object>(\"SELECT 1\")", "object")]
    public void A_row_type_raw_sql_cannot_read_is_a_located_error(string declarations, string call, string type)
    {
        var (_, _, errors) = Build(declarations, $"await {call};");
        var error = Assert.Single(errors);
        Assert.Equal("SG2003", error.Id);
        Assert.Contains($"Raw SQL cannot read '{type}'", error.GetMessage());
        Assert.Equal(call, error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Theory]
    [InlineData("[RawRow] public sealed class Bad { public System.Collections.Generic.List<int> Ids { get; set; } = new(); }", "Member 'Ids' of [RawRow] type 'Bad'")]
    [InlineData("[RawRow] public abstract class Base { public int Id { get; set; } }", "must be a non-abstract, non-generic class")]
    [InlineData("public static class Outer { [RawRow] private sealed class Hidden { public int Id { get; set; } } }", "must be a non-abstract, non-generic class")]
    [InlineData("[RawRow] public sealed class Empty { }", "has no member to fill")]
    public void A_raw_row_type_that_cannot_be_read_is_a_located_error(string declarations, string says)
    {
        var (_, generator, _) = Build(declarations, "await Task.CompletedTask;");
        var error = Assert.Single(generator);
        Assert.Equal("SG2002", error.Id);
        Assert.Contains(says, error.GetMessage());
        Assert.Equal("Program.cs", error.Location.GetLineSpan().Path);
    }
}
