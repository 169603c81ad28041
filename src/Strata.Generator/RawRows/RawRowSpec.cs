namespace Strata.Generator.RawRows
{
    /// <summary>A member a raw row fills: the column name it matches, its C# type as written in code, and how it is set.</summary>
    /// <param name="Name">The property or constructor parameter name (also the column name it matches).</param>
    /// <param name="Type">The fully qualified type, with its nullable annotation.</param>
    /// <param name="Required">True for a non-nullable reference type: a NULL is an error, not null.</param>
    /// <param name="ByConstructor">True when the member is a constructor parameter, false when it is a property set by an initializer.</param>
    internal sealed record RawMemberSpec(string Name, string Type, bool Required, bool ByConstructor);

    /// <summary>A <c>[RawRow]</c> type as the pipeline carries it: plain, equatable data.</summary>
    /// <param name="TypeName">The fully qualified type name.</param>
    /// <param name="HintName">A file-name-safe name for its generated source.</param>
    /// <param name="Members">The members, constructor parameters first, in order.</param>
    /// <param name="Error">Why the type cannot be read (then nothing is generated for it), or null.</param>
    /// <param name="ErrorLocation">Where to report <paramref name="Error"/>.</param>
    internal sealed record RawRowSpec(string TypeName, string HintName, EquatableArray<RawMemberSpec> Members, string? Error, LocationSpec? ErrorLocation)
    {
        /// <summary>The type's namespace, where its reader is written (null for the global namespace).</summary>
        public string? Namespace { get; init; }

        /// <summary>The using directives of the type's source files, for member types written as in the source.</summary>
        public EquatableArray<string> Usings { get; init; }
    }

    /// <summary>A source location as plain data.</summary>
    internal sealed record LocationSpec(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);
}
