using Strata.Schema.Text;

namespace Strata.Schema.Diagnostics
{
    /// <summary>One problem found in a schema, with its stable code and exact location.</summary>
    /// <param name="Code">A stable code such as <c>S3001</c>; docs/schema.md lists them all.</param>
    /// <param name="Severity">Error or warning.</param>
    /// <param name="Message">What is wrong and how to fix it.</param>
    /// <param name="Location">File, line, column and length of the offending text.</param>
    public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
    {
        /// <summary>True for errors.</summary>
        public bool IsError => Severity == DiagnosticSeverity.Error;

        /// <summary>Compiler-style one-line form: <c>path:line:col: error S3001: message</c>.</summary>
        public override string ToString() =>
            $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
    }
}
