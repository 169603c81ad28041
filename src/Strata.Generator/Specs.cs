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

    /// <summary>A generated source file.</summary>
    internal sealed record GeneratedSource(string Name, string Text);

    /// <summary>The generated client's namespace and class name.</summary>
    internal sealed record ClientSpec(string Namespace, string Name);

    /// <summary>What the schema stage produces: diagnostics, and the client's sources when the schema has no errors.</summary>
    internal sealed record SchemaOutput(EquatableArray<DiagnosticSpec> Diagnostics, EquatableArray<GeneratedSource> Sources, ClientSpec? Client);

    /// <summary>Which provider packages the project references.</summary>
    internal sealed record ProviderReferences(bool Sqlite, bool Postgres, bool MySql);
}
