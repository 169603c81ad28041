using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Strata.Schema;

namespace Strata.Generator
{
    /// <summary>
    /// Reads the project's <c>*.prisma</c> AdditionalFiles as one schema and reports its errors and
    /// warnings as compiler diagnostics at the schema's file, line and column. Only equatable data
    /// (paths, texts, diagnostic specs) flows between stages, so edits to C# code do not re-run it.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class StrataGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the stage that turns schema files into diagnostics.</summary>
        public const string SchemaStage = "StrataSchema";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(file => file.Path.EndsWith(".prisma", System.StringComparison.OrdinalIgnoreCase))
                .Select((file, token) => new SchemaFileSpec(file.Path, file.GetText(token)?.ToString() ?? string.Empty))
                .Collect();
            var diagnostics = files
                .Select((all, token) => Compile(all.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToArray(), token))
                .WithTrackingName(SchemaStage);
            context.RegisterSourceOutput(diagnostics, Report);
        }

        private static EquatableArray<DiagnosticSpec> Compile(SchemaFileSpec[] files, CancellationToken token)
        {
            if (files.Length == 0) return default;
            token.ThrowIfCancellationRequested();
            var sources = files.Select(f => new Schema.Text.SourceFile(f.Path, f.Text)).ToList();
            var compilation = SchemaCompilation.Create(sources);
            return new EquatableArray<DiagnosticSpec>(compilation.Diagnostics.Select(d =>
            {
                var file = sources.First(s => s.Path == d.Location.Path);
                var (endLine, endColumn) = file.GetLineColumn(d.Location.Span.End);
                return new DiagnosticSpec(d.Code, d.IsError, d.Message, d.Location.Path, d.Location.Span.Start, d.Location.Span.Length,
                    d.Location.Line, d.Location.Column, endLine, endColumn);
            }));
        }

        private static void Report(SourceProductionContext context, EquatableArray<DiagnosticSpec> diagnostics)
        {
            foreach (var d in diagnostics)
            {
                var descriptor = new DiagnosticDescriptor(d.Code, "Strata schema", "{0}", "Strata.Schema",
                    d.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, isEnabledByDefault: true,
                    helpLinkUri: "docs/schema.md#diagnostic-codes");
                var span = new LinePositionSpan(new LinePosition(d.StartLine - 1, d.StartColumn - 1), new LinePosition(d.EndLine - 1, d.EndColumn - 1));
                var location = Location.Create(d.Path, new TextSpan(d.Start, d.Length), span);
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, d.Message));
            }
        }
    }
}
