using System.Collections.Generic;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Semantics
{
    /// <summary>A field of a model, view or composite type.</summary>
    public sealed class FieldDefinition
    {
        internal FieldDefinition(IFieldContainer container, FieldDeclaration syntax, SourceLocation location)
        {
            Container = container;
            Syntax = syntax;
            Name = syntax.Name;
            Location = location;
            Documentation = syntax.Documentation;
            TypeName = syntax.Type?.Name ?? string.Empty;
            Arity = syntax.Type == null ? FieldArity.Required
                : syntax.Type.IsList ? FieldArity.List
                : syntax.Type.IsOptional ? FieldArity.Optional
                : FieldArity.Required;
        }

        internal FieldDeclaration Syntax { get; }

        /// <summary>The model, view or composite type that declares the field.</summary>
        public IFieldContainer Container { get; }

        /// <summary>The field's name in the schema.</summary>
        public string Name { get; }

        /// <summary>The column (or JSON key) name: <c>@map</c>, else <see cref="Name"/>.</summary>
        public string DatabaseName => MappedName ?? Name;

        /// <summary>The name given with <c>@map</c>.</summary>
        public string? MappedName { get; internal set; }

        /// <summary>Where the field's name is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The <c>///</c> documentation.</summary>
        public string? Documentation { get; }

        /// <summary>The type name as written.</summary>
        public string TypeName { get; }

        /// <summary>Required, optional or list.</summary>
        public FieldArity Arity { get; }

        /// <summary>True for <c>?</c>.</summary>
        public bool IsOptional => Arity == FieldArity.Optional;

        /// <summary>True for <c>[]</c>.</summary>
        public bool IsList => Arity == FieldArity.List;

        /// <summary>What the type refers to.</summary>
        public FieldKind Kind { get; internal set; }

        /// <summary>The scalar type, for scalar fields.</summary>
        public ScalarType? ScalarType { get; internal set; }

        /// <summary>The enum, for enum fields.</summary>
        public EnumDefinition? EnumType { get; internal set; }

        /// <summary>The composite type, for composite fields.</summary>
        public CompositeTypeDefinition? CompositeType { get; internal set; }

        /// <summary>The model on the other side, for relation fields.</summary>
        public ModelDefinition? RelatedModel { get; internal set; }

        /// <summary>The database type text of <c>Unsupported("...")</c>.</summary>
        public string? UnsupportedType { get; internal set; }

        /// <summary>True when the field has <c>@id</c>.</summary>
        public bool IsId { get; internal set; }

        /// <summary>True when the field has <c>@unique</c>.</summary>
        public bool IsUnique { get; internal set; }

        /// <summary>True when the field has <c>@updatedAt</c>.</summary>
        public bool IsUpdatedAt { get; internal set; }

        /// <summary>True when the field has <c>@ignore</c>.</summary>
        public bool IsIgnored { get; internal set; }

        /// <summary>The <c>@default</c>.</summary>
        public DefaultValue? Default { get; internal set; }

        /// <summary>The native type from <c>@db.X(...)</c>.</summary>
        public NativeTypeDefinition? NativeType { get; internal set; }

        /// <summary>The arguments of <c>@relation</c>, for relation fields that have one.</summary>
        public RelationAttribute? RelationAttribute { get; internal set; }

        /// <summary>The resolved relation, for relation fields.</summary>
        public RelationDefinition? Relation { get; internal set; }

        /// <summary>True for fields that are columns (scalar, enum, composite-as-JSON, unsupported), false for relation fields.</summary>
        public bool IsColumn => Kind != FieldKind.Relation;

        /// <inheritdoc />
        public override string ToString() => $"{Container.Name}.{Name}";
    }

    /// <summary>A native database type: <c>@db.VarChar(255)</c> is <c>VarChar</c> with argument <c>255</c>.</summary>
    /// <param name="Name">The type name, such as <c>VarChar</c>.</param>
    /// <param name="Arguments">The arguments as written.</param>
    public sealed record NativeTypeDefinition(string Name, IReadOnlyList<string> Arguments)
    {
        /// <inheritdoc />
        public override string ToString() => Arguments.Count == 0 ? Name : $"{Name}({string.Join(", ", Arguments)})";
    }

    /// <summary>The arguments of a <c>@relation(...)</c> attribute.</summary>
    public sealed class RelationAttribute
    {
        internal RelationAttribute(SourceLocation location) => Location = location;

        /// <summary>Where the attribute is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The relation name (first argument or <c>name:</c>).</summary>
        public string? Name { get; internal set; }

        /// <summary>The names in <c>fields: [...]</c>, or null when absent.</summary>
        public IReadOnlyList<string>? Fields { get; internal set; }

        /// <summary>The names in <c>references: [...]</c>, or null when absent.</summary>
        public IReadOnlyList<string>? References { get; internal set; }

        /// <summary><c>onDelete:</c>.</summary>
        public ReferentialAction? OnDelete { get; internal set; }

        /// <summary><c>onUpdate:</c>.</summary>
        public ReferentialAction? OnUpdate { get; internal set; }

        /// <summary>The foreign key constraint name from <c>map:</c>.</summary>
        public string? MappedName { get; internal set; }

        internal SourceLocation? FieldsLocation { get; set; }

        internal SourceLocation? ReferencesLocation { get; set; }

        internal SourceLocation? OnDeleteLocation { get; set; }

        internal SourceLocation? OnUpdateLocation { get; set; }

        /// <summary>Both actions with where each is written and its argument name, for the rules that check them alike.</summary>
        internal (ReferentialAction? Action, SourceLocation? Location, string Label)[] Actions =>
            new[] { (OnDelete, OnDeleteLocation, "onDelete"), (OnUpdate, OnUpdateLocation, "onUpdate") };

        /// <summary>True when this side names <c>fields</c> or <c>references</c>.</summary>
        public bool HasFieldsOrReferences => Fields != null || References != null;
    }
}
