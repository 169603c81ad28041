using System.Collections.Generic;
using Strata.Schema.Text;

namespace Strata.Schema.Diagnostics
{
    /// <summary>Collects diagnostics while a schema is parsed and validated.</summary>
    internal sealed class DiagnosticBag
    {
        private readonly List<Diagnostic> _items = new List<Diagnostic>();

        public IReadOnlyList<Diagnostic> Items => _items;

        public bool HasErrors { get; private set; }

        public void Error(string code, SourceFile file, TextSpan span, string message) =>
            Add(code, DiagnosticSeverity.Error, file, span, message);

        public void Warning(string code, SourceFile file, TextSpan span, string message) =>
            Add(code, DiagnosticSeverity.Warning, file, span, message);

        public void Error(string code, SourceLocation location, string message) =>
            Add(new Diagnostic(code, DiagnosticSeverity.Error, message, location));

        public void Warning(string code, SourceLocation location, string message) =>
            Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, location));

        public void AddRange(IEnumerable<Diagnostic> diagnostics)
        {
            foreach (var d in diagnostics) Add(d);
        }

        private void Add(string code, DiagnosticSeverity severity, SourceFile file, TextSpan span, string message) =>
            Add(new Diagnostic(code, severity, message, file.GetLocation(span)));

        private void Add(Diagnostic diagnostic)
        {
            _items.Add(diagnostic);
            if (diagnostic.IsError) HasErrors = true;
        }
    }
}
