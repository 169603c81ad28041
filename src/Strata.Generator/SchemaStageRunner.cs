using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Strata.Generator.Emit;
using Strata.Schema;
using Strata.Schema.Semantics;
using Strata.Schema.Text;

namespace Strata.Generator
{
    /// <summary>The schema stage: compile the schema, report it, and emit the client when it is sound.</summary>
    internal static class SchemaStageRunner
    {
        /// <summary>The generator option naming the C# namespace.</summary>
        public const string NamespaceOption = "namespace";

        /// <summary>The generator option naming the client class.</summary>
        public const string ClientNameOption = "clientName";

        public const string InvalidNamespace = "SG1001", InvalidClientName = "SG1002";

        public static SchemaOutput Run(SchemaFileSpec[] files, string? rootNamespace, CancellationToken token, string? projectDirectory = null)
        {
            if (files.Length == 0) return new SchemaOutput(default, default, null);
            token.ThrowIfCancellationRequested();
            var sources = files.Select(f => new SourceFile(f.Path, f.Text)).ToList();
            var compilation = SchemaCompilation.Create(sources);
            var diagnostics = compilation.Diagnostics.Select(d => Spec(sources, d.Code, d.IsError, d.Message, d.Location)).ToList();
            var generator = compilation.Schema.Generators.FirstOrDefault(g => g.IsStrata);
            if (compilation.HasErrors || generator == null)
                return new SchemaOutput(new EquatableArray<DiagnosticSpec>(diagnostics), default, null);

            var ns = Option(generator, NamespaceOption) ?? rootNamespace ?? "StrataGenerated";
            var clientName = Option(generator, ClientNameOption) ?? "Db";
            bool ok = true;
            if (!IsDottedIdentifier(ns))
            {
                diagnostics.Add(Spec(sources, InvalidNamespace, true, $"The generator option namespace = \"{ns}\" is not a C# namespace; write dotted identifiers such as \"Blog.Data\".", Location(generator, NamespaceOption)));
                ok = false;
            }
            if (!SyntaxFacts.IsValidIdentifier(clientName) || SyntaxFacts.GetKeywordKind(clientName) != SyntaxKind.None)
            {
                diagnostics.Add(Spec(sources, InvalidClientName, true, $"The generator option clientName = \"{clientName}\" is not a C# class name; write an identifier such as \"BlogDb\".", Location(generator, ClientNameOption)));
                ok = false;
            }
            if (!ok) return new SchemaOutput(new EquatableArray<DiagnosticSpec>(diagnostics), default, null);
            token.ThrowIfCancellationRequested();
            var generated = ClientEmitter.Emit(compilation.Schema, ns, clientName, SchemaFolder(files, projectDirectory)).Select(f => new GeneratedSource(f.Name, f.Text));
            return new SchemaOutput(new EquatableArray<DiagnosticSpec>(diagnostics), new EquatableArray<GeneratedSource>(generated), new ClientSpec(ns, clientName));
        }

        /// <summary>
        /// The schema's folder relative to the project folder, with forward slashes ("prisma", or "" for the project folder itself);
        /// null when the project folder is unknown or the schema is not inside it or spans folders.
        /// </summary>
        internal static string? SchemaFolder(SchemaFileSpec[] files, string? projectDirectory)
        {
            if (string.IsNullOrEmpty(projectDirectory) || files.Length == 0) return null;
            var folders = files.Select(f => System.IO.Path.GetDirectoryName(f.Path) ?? string.Empty).Distinct().ToList();
            if (folders.Count != 1) return null;
            var project = projectDirectory!.Replace('\\', '/').TrimEnd('/');
            var folder = folders[0].Replace('\\', '/').TrimEnd('/');
            if (folder == project) return string.Empty;
            return folder.StartsWith(project + "/", System.StringComparison.Ordinal) ? folder.Substring(project.Length + 1) : null;
        }

        private static string? Option(GeneratorDefinition generator, string name) =>
            generator.Properties.TryGetValue(name, out var value) && value.Kind == ConfigValueKind.String ? value.Text : null;

        private static SourceLocation Location(GeneratorDefinition generator, string name) =>
            generator.Properties.TryGetValue(name, out var value) ? value.Location : generator.Location;

        private static bool IsDottedIdentifier(string text) =>
            text.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);

        private static DiagnosticSpec Spec(List<SourceFile> sources, string code, bool isError, string message, SourceLocation location)
        {
            var file = sources.First(s => s.Path == location.Path);
            var (endLine, endColumn) = file.GetLineColumn(location.Span.End);
            return new DiagnosticSpec(code, isError, message, location.Path, location.Span.Start, location.Span.Length,
                location.Line, location.Column, endLine, endColumn);
        }
    }
}
