using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Text;

namespace Strata.Schema.Syntax
{
    /// <summary>The kinds of top-level block.</summary>
    public enum BlockKind
    {
        /// <summary><c>datasource</c>.</summary>
        Datasource,
        /// <summary><c>generator</c>.</summary>
        Generator,
        /// <summary><c>model</c>.</summary>
        Model,
        /// <summary><c>view</c>.</summary>
        View,
        /// <summary><c>type</c> (a composite type).</summary>
        Type,
        /// <summary><c>enum</c>.</summary>
        Enum,
    }

    /// <summary>
    /// One line-level element of a schema file, at the top level or inside a block. Comment lines
    /// and blank lines are items too, so that the formatter can keep them where they were.
    /// </summary>
    public abstract class SyntaxItem
    {
        private protected SyntaxItem(TextSpan span) => Span = span;

        /// <summary>Where the item is written.</summary>
        public TextSpan Span { get; internal set; }

        /// <summary>A <c>//</c> comment after the item on the same line, as written.</summary>
        public string? TrailingComment { get; internal set; }
    }

    /// <summary>A line holding only a comment.</summary>
    public sealed class CommentLine : SyntaxItem
    {
        internal CommentLine(TextSpan span, string text) : base(span) => Text = text;

        /// <summary>The comment as written, starting with <c>//</c>.</summary>
        public string Text { get; }

        /// <summary>True for a <c>/* ... */</c> comment, which may span several lines.</summary>
        public bool IsBlock => Text.StartsWith("/*", System.StringComparison.Ordinal);

        /// <summary>True for <c>///</c> doc comments.</summary>
        public bool IsDoc => Text.StartsWith("///", System.StringComparison.Ordinal) && !Text.StartsWith("////", System.StringComparison.Ordinal);
    }

    /// <summary>An empty line (several in a row are kept as one).</summary>
    public sealed class BlankLine : SyntaxItem
    {
        internal BlankLine(TextSpan span) : base(span)
        {
        }
    }

    /// <summary>An item that may carry <c>///</c> documentation.</summary>
    public abstract class DocumentedItem : SyntaxItem
    {
        private protected DocumentedItem(TextSpan span, string name, TextSpan nameSpan) : base(span)
        {
            Name = name;
            NameSpan = nameSpan;
        }

        /// <summary>The element's name.</summary>
        public string Name { get; }

        /// <summary>Where the name is written.</summary>
        public TextSpan NameSpan { get; }

        /// <summary>The text of the <c>///</c> lines just above, joined by newlines; null when there are none.</summary>
        public string? Documentation { get; internal set; }
    }

    /// <summary>A top-level block: <c>model</c>, <c>view</c>, <c>type</c>, <c>enum</c>, <c>datasource</c> or <c>generator</c>.</summary>
    public sealed class BlockDeclaration : DocumentedItem
    {
        internal BlockDeclaration(TextSpan span, BlockKind kind, string name, TextSpan nameSpan, TextSpan keywordSpan, IReadOnlyList<SyntaxItem> members)
            : base(span, name, nameSpan)
        {
            Kind = kind;
            KeywordSpan = keywordSpan;
            Members = members;
        }

        /// <summary>The block's kind.</summary>
        public BlockKind Kind { get; }

        /// <summary>Where the keyword is written.</summary>
        public TextSpan KeywordSpan { get; }

        /// <summary>A comment on the line of the opening brace.</summary>
        public string? HeaderComment { get; internal set; }

        /// <summary>Fields, enum values, properties, block attributes, comments and blank lines, in order.</summary>
        public IReadOnlyList<SyntaxItem> Members { get; }

        /// <summary>The fields of a model, view or composite type.</summary>
        public IEnumerable<FieldDeclaration> Fields => Members.OfType<FieldDeclaration>();

        /// <summary>The <c>@@</c> attributes.</summary>
        public IEnumerable<AttributeSyntax> BlockAttributes => Members.OfType<AttributeSyntax>();

        /// <summary>The values of an enum.</summary>
        public IEnumerable<EnumValueDeclaration> EnumValues => Members.OfType<EnumValueDeclaration>();

        /// <summary>The <c>key = value</c> lines of a datasource or generator.</summary>
        public IEnumerable<PropertyDeclaration> Properties => Members.OfType<PropertyDeclaration>();

        /// <summary>The keyword that starts this kind of block.</summary>
        public static string Keyword(BlockKind kind) => kind switch
        {
            BlockKind.Datasource => "datasource",
            BlockKind.Generator => "generator",
            BlockKind.Model => "model",
            BlockKind.View => "view",
            BlockKind.Type => "type",
            _ => "enum",
        };
    }

    /// <summary>A field line: <c>name Type? @attr(...)</c>.</summary>
    public sealed class FieldDeclaration : DocumentedItem
    {
        internal FieldDeclaration(TextSpan span, string name, TextSpan nameSpan, FieldTypeSyntax? type, IReadOnlyList<AttributeSyntax> attributes)
            : base(span, name, nameSpan)
        {
            Type = type;
            Attributes = attributes;
        }

        /// <summary>The type, or null when it is missing (a diagnostic was reported).</summary>
        public FieldTypeSyntax? Type { get; }

        /// <summary>The <c>@</c> attributes in order.</summary>
        public IReadOnlyList<AttributeSyntax> Attributes { get; }
    }

    /// <summary>A field's type as written: <c>String</c>, <c>Post[]</c>, <c>Int?</c>, <c>Unsupported("circle")</c>.</summary>
    public sealed class FieldTypeSyntax
    {
        internal FieldTypeSyntax(TextSpan span, string name, TextSpan nameSpan, ArgumentList? arguments, bool isList, bool isOptional)
        {
            Span = span;
            Name = name;
            NameSpan = nameSpan;
            Arguments = arguments;
            IsList = isList;
            IsOptional = isOptional;
        }

        /// <summary>The whole type with its modifiers.</summary>
        public TextSpan Span { get; }

        /// <summary>The type name.</summary>
        public string Name { get; }

        /// <summary>Where the name is written.</summary>
        public TextSpan NameSpan { get; }

        /// <summary>Arguments, only for <c>Unsupported("...")</c>.</summary>
        public ArgumentList? Arguments { get; }

        /// <summary><c>[]</c>.</summary>
        public bool IsList { get; }

        /// <summary><c>?</c>.</summary>
        public bool IsOptional { get; }
    }

    /// <summary>An attribute: <c>@id</c>, <c>@db.VarChar(255)</c>, <c>@@index([a, b])</c>.</summary>
    public sealed class AttributeSyntax : SyntaxItem
    {
        internal AttributeSyntax(TextSpan span, bool isBlock, string name, TextSpan nameSpan, ArgumentList? arguments) : base(span)
        {
            IsBlock = isBlock;
            Name = name;
            NameSpan = nameSpan;
            Arguments = arguments;
        }

        /// <summary>True for <c>@@</c> attributes.</summary>
        public bool IsBlock { get; }

        /// <summary>The name without the <c>@</c> signs, dotted parts kept (<c>db.VarChar</c>).</summary>
        public string Name { get; }

        /// <summary>Where the name (with its <c>@</c> signs) is written.</summary>
        public TextSpan NameSpan { get; }

        /// <summary>The arguments, or null when written without parentheses.</summary>
        public ArgumentList? Arguments { get; }

        /// <summary>The arguments, empty when there are none.</summary>
        public IReadOnlyList<Argument> ArgumentItems => Arguments?.Items ?? System.Array.Empty<Argument>();

        /// <summary>The name as written in the schema, with its <c>@</c> signs.</summary>
        public string DisplayName => (IsBlock ? "@@" : "@") + Name;
    }

    /// <summary>An enum value line: <c>ADMIN @map("admin")</c>.</summary>
    public sealed class EnumValueDeclaration : DocumentedItem
    {
        internal EnumValueDeclaration(TextSpan span, string name, TextSpan nameSpan, IReadOnlyList<AttributeSyntax> attributes)
            : base(span, name, nameSpan) => Attributes = attributes;

        /// <summary>The attributes (<c>@map</c>).</summary>
        public IReadOnlyList<AttributeSyntax> Attributes { get; }
    }

    /// <summary>A <c>key = value</c> line in a datasource or generator.</summary>
    public sealed class PropertyDeclaration : DocumentedItem
    {
        internal PropertyDeclaration(TextSpan span, string name, TextSpan nameSpan, Expression? value)
            : base(span, name, nameSpan) => Value = value;

        /// <summary>The value, or null when it is missing (a diagnostic was reported).</summary>
        public Expression? Value { get; }
    }

    /// <summary>One parsed schema file.</summary>
    public sealed class SchemaDocument
    {
        internal SchemaDocument(SourceFile file, IReadOnlyList<SyntaxItem> items)
        {
            File = file;
            Items = items;
        }

        /// <summary>The file's text and path.</summary>
        public SourceFile File { get; }

        /// <summary>Blocks, comment lines and blank lines at the top level, in order.</summary>
        public IReadOnlyList<SyntaxItem> Items { get; }

        /// <summary>The blocks.</summary>
        public IEnumerable<BlockDeclaration> Blocks => Items.OfType<BlockDeclaration>();
    }
}
