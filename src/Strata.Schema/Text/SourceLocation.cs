namespace Strata.Schema.Text
{
    /// <summary>Where something is in a schema: file path, 1-based line and column, and length.</summary>
    public sealed record SourceLocation(string Path, int Line, int Column, int Length, TextSpan Span)
    {
        /// <inheritdoc />
        public override string ToString() => $"{Path}:{Line}:{Column}";
    }
}
