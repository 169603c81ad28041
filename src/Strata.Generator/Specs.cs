using System;

namespace Strata.Generator
{
    /// <summary>One schema file as the pipeline carries it: only its path and text.</summary>
    internal sealed record SchemaFileSpec(string Path, string Text);

    /// <summary>A schema diagnostic as plain data, ready to become a compiler diagnostic.</summary>
    internal sealed record DiagnosticSpec(
        string Code,
        bool IsError,
        string Message,
        string Path,
        int Start,
        int Length,
        int StartLine,
        int StartColumn,
        int EndLine,
        int EndColumn);
}
