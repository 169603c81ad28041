extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using generator::Strata.Generator;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Strata.Generator.Tests;

/// <summary>Runs the generator in a real Roslyn compilation with schema files as AdditionalFiles.</summary>
public class GeneratorDiagnosticsTests
{
    private sealed class SchemaText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static CSharpCompilation Compilation(string code = "class Program { static void Main() { } }") =>
        CSharpCompilation.Create("App", [CSharpSyntaxTree.ParseText(code)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));

    private static GeneratorDriver Driver(params (string Path, string Text)[] files) =>
        CSharpGeneratorDriver.Create([new StrataGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new SchemaText(f.Path, f.Text)),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static ImmutableArray<Diagnostic> Run(params (string Path, string Text)[] files)
    {
        var driver = Driver(files).RunGeneratorsAndUpdateCompilation(Compilation(), out _, out var diagnostics);
        Assert.Empty(driver.GetRunResult().Results.Single().Exception is { } e ? [e.ToString()] : Array.Empty<string>());
        return diagnostics;
    }

    [Fact]
    public void Schema_errors_become_compiler_errors_at_the_schema_location()
    {
        var diagnostics = Run(("/app/prisma/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id    Int   @id\n  email Strin\n}\n"));
        var d = Assert.Single(diagnostics);
        Assert.Equal("S2004", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/app/prisma/schema.prisma", span.Path);
        Assert.Equal(6, span.StartLinePosition.Line);       // 0-based: line 7
        Assert.Equal(8, span.StartLinePosition.Character);  // 0-based: column 9
        Assert.Equal(13, span.EndLinePosition.Character);
        Assert.Contains("did you mean `String`", d.GetMessage());
    }

    [Fact]
    public void Warnings_stay_warnings_and_a_valid_schema_reports_nothing()
    {
        var warning = Assert.Single(Run(("s.prisma", "datasource db {\n  provider = \"sqlserver\"\n}\n\nmodel A {\n  id Int @id\n}\n")));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("S6001", warning.Id);
        Assert.Empty(Run(("s.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\ngenerator client {\n  provider = \"strata\"\n}\n\nmodel A {\n  id Int @id\n}\n")));
        Assert.Empty(Run(("notes.txt", "model A {")));
    }

    [Fact]
    public void All_prisma_files_form_one_schema()
    {
        var diagnostics = Run(
            ("b.prisma", "model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n"),
            ("a.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel User {\n  id    Int    @id\n  posts Post[]\n}\n"));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Editing_csharp_code_does_not_rerun_the_schema_stage()
    {
        var driver = Driver(("s.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel A {\n  id Strin @id\n}\n"));
        driver = driver.RunGenerators(Compilation());
        driver = driver.RunGenerators(Compilation("class Program { static void Main() { System.Console.WriteLine(1); } }"));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps[StrataGenerator.SchemaStage];
        Assert.NotEmpty(steps.SelectMany(s => s.Outputs));
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void The_generator_holds_no_roslyn_types_in_its_pipeline_data()
    {
        var specTypes = typeof(StrataGenerator).Assembly.GetTypes().Where(t => t.Name.EndsWith("Spec", StringComparison.Ordinal));
        foreach (var type in specTypes)
        {
            foreach (var property in type.GetProperties())
                Assert.False(property.PropertyType.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) ?? false, $"{type.Name}.{property.Name}");
        }
        Assert.NotEmpty(specTypes);
    }
}
