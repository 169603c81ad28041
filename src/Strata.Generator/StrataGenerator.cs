using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Strata.Generator.Emit;
using Strata.Schema;

namespace Strata.Generator
{
    /// <summary>
    /// Reads the project's <c>*.prisma</c> AdditionalFiles as one schema, reports its errors and
    /// warnings as compiler diagnostics at the schema's file, line and column, and, for a schema
    /// without errors that has a <c>generator</c> block with <c>provider = "strata"</c>, emits the
    /// typed client. Only equatable data (paths, texts, diagnostic specs, generated sources) flows
    /// between stages, so edits to C# code do not re-run the schema stage.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class StrataGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the stage that turns schema files into diagnostics and client sources.</summary>
        public const string SchemaStage = "StrataSchema";

        /// <summary>Tracking name of the stage that finds which provider packages the project references.</summary>
        public const string ProvidersStage = "StrataProviders";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(file => file.Path.EndsWith(".prisma", System.StringComparison.OrdinalIgnoreCase))
                .Select((file, token) => new SchemaFileSpec(file.Path, file.GetText(token)?.ToString() ?? string.Empty))
                .Collect();
            var rootNamespace = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns : null);
            var projectDirectory = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var dir) && !string.IsNullOrWhiteSpace(dir) ? dir : null);
            var schema = files.Combine(rootNamespace).Combine(projectDirectory)
                .Select((input, token) => SchemaStageRunner.Run(input.Left.Left.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToArray(), input.Left.Right, token, input.Right))
                .WithTrackingName(SchemaStage);
            var providers = context.CompilationProvider
                .Select((compilation, _) => new ProviderReferences(
                    compilation.ReferencedAssemblyNames.Any(a => a.Name == "Strata.Sqlite"),
                    compilation.ReferencedAssemblyNames.Any(a => a.Name == "Strata.Postgres"),
                    compilation.ReferencedAssemblyNames.Any(a => a.Name == "Strata.MySql")))
                .WithTrackingName(ProvidersStage);

            context.RegisterSourceOutput(schema, Report);
            context.RegisterSourceOutput(schema.Select((s, _) => s.Client).Combine(providers), (spc, input) =>
            {
                if (input.Left is not { } client) return;
                spc.AddSource(client.Name + ".Providers.g.cs", SourceText.From(
                    ClientEmitter.Providers(client.Namespace, client.Name, input.Right.Sqlite, input.Right.Postgres, input.Right.MySql), System.Text.Encoding.UTF8));
            });
        }

        private static void Report(SourceProductionContext context, SchemaOutput output)
        {
            foreach (var d in output.Diagnostics)
            {
                var descriptor = new DiagnosticDescriptor(d.Code, "Strata schema", "{0}", "Strata.Schema",
                    d.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, isEnabledByDefault: true,
                    helpLinkUri: d.Code.StartsWith("SG", System.StringComparison.Ordinal) ? "docs/client.md#generator-options" : "docs/schema.md#diagnostic-codes");
                var span = new LinePositionSpan(new LinePosition(d.StartLine - 1, d.StartColumn - 1), new LinePosition(d.EndLine - 1, d.EndColumn - 1));
                var location = Location.Create(d.Path, new TextSpan(d.Start, d.Length), span);
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, d.Message));
            }
            foreach (var file in output.Sources)
                context.AddSource(file.Name, SourceText.From(file.Text, System.Text.Encoding.UTF8));
        }
    }
}
