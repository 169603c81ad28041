using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Binding;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema
{
    /// <summary>
    /// Parses and validates a schema (one file or several that form one schema) and builds its
    /// semantic model. Never throws for bad input: every problem is a <see cref="Diagnostic"/>.
    /// </summary>
    public sealed class SchemaCompilation
    {
        private SchemaCompilation(IReadOnlyList<SchemaDocument> documents, SchemaDefinition schema, IReadOnlyList<Diagnostic> diagnostics)
        {
            Documents = documents;
            Schema = schema;
            Diagnostics = diagnostics;
        }

        /// <summary>The parsed files, in the order given.</summary>
        public IReadOnlyList<SchemaDocument> Documents { get; }

        /// <summary>The semantic model. With errors it is incomplete: use it only when <see cref="HasErrors"/> is false.</summary>
        public SchemaDefinition Schema { get; }

        /// <summary>All errors and warnings, ordered by file, line and column.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>True when any diagnostic is an error.</summary>
        public bool HasErrors => Diagnostics.Any(d => d.IsError);

        /// <summary>True when any file has a syntax error (the formatter needs none).</summary>
        public bool HasSyntaxErrors => Diagnostics.Any(d => d.IsError && d.Code.StartsWith("S1", System.StringComparison.Ordinal));

        /// <summary>Compiles one schema text.</summary>
        public static SchemaCompilation FromText(string text, string path = "schema.prisma") =>
            Create(new[] { new SourceFile(path, text) });

        /// <summary>Compiles the files that together form one schema.</summary>
        public static SchemaCompilation Create(IEnumerable<SourceFile> files)
        {
            var bag = new DiagnosticBag();
            var documents = files.Select(f => Parser.Parse(f, bag)).ToList();
            var schema = new SchemaDefinition(documents);
            new SchemaBinder(new BindContext(schema, bag)).Bind(documents);
            // Diagnostics sort by file: the position of each path, looked up once per file rather than per diagnostic.
            var fileOrder = new Dictionary<string, int>();
            for (int i = 0; i < documents.Count; i++)
            {
                if (!fileOrder.ContainsKey(documents[i].File.Path)) fileOrder.Add(documents[i].File.Path, i);
            }
            var ordered = bag.Items
                .Select((d, i) => (d, i))
                .OrderBy(x => fileOrder.TryGetValue(x.d.Location.Path, out var index) ? index : -1)
                .ThenBy(x => x.d.Location.Span.Start)
                .ThenBy(x => x.i)
                .Select(x => x.d)
                .ToList();
            return new SchemaCompilation(documents, schema, ordered);
        }
    }
}
