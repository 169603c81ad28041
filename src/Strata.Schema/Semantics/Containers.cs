using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Text;

namespace Strata.Schema.Semantics
{
    /// <summary>A block with fields: a model, a view or a composite type.</summary>
    public interface IFieldContainer
    {
        /// <summary>The block's name.</summary>
        string Name { get; }

        /// <summary>The fields in order.</summary>
        IReadOnlyList<FieldDefinition> Fields { get; }

        /// <summary>Where the name is written.</summary>
        SourceLocation Location { get; }
    }

    /// <summary>A composite type (<c>type Address { ... }</c>). On SQL databases Strata stores it as a JSON document.</summary>
    public sealed class CompositeTypeDefinition : IFieldContainer
    {
        internal CompositeTypeDefinition(string name, SourceLocation location, string? documentation)
        {
            Name = name;
            Location = location;
            Documentation = documentation;
        }

        /// <inheritdoc />
        public string Name { get; }

        /// <inheritdoc />
        public SourceLocation Location { get; }

        /// <summary>The <c>///</c> documentation.</summary>
        public string? Documentation { get; }

        /// <inheritdoc />
        public IReadOnlyList<FieldDefinition> Fields => FieldList;

        internal NamedList<FieldDefinition> FieldList { get; } = new NamedList<FieldDefinition>(f => f.Name);
    }

    /// <summary>An enum and its values.</summary>
    public sealed class EnumDefinition
    {
        internal EnumDefinition(string name, SourceLocation location, string? documentation)
        {
            Name = name;
            Location = location;
            Documentation = documentation;
        }

        /// <summary>The enum's name in the schema.</summary>
        public string Name { get; }

        /// <summary>The database type name: <c>@@map</c>, else <see cref="Name"/>.</summary>
        public string DatabaseName => MappedName ?? Name;

        /// <summary>The name given with <c>@@map</c>.</summary>
        public string? MappedName { get; internal set; }

        /// <summary>The database schema from <c>@@schema</c>.</summary>
        public string? DatabaseSchema { get; internal set; }

        /// <summary>True when <c>@@schema</c> is written, even with a malformed argument.</summary>
        internal bool HasSchemaAttribute { get; set; }

        /// <summary>Where the name is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The <c>///</c> documentation.</summary>
        public string? Documentation { get; }

        /// <summary>The values in order.</summary>
        public IReadOnlyList<EnumValueDefinition> Values => ValueList;

        internal NamedList<EnumValueDefinition> ValueList { get; } = new NamedList<EnumValueDefinition>(v => v.Name);

        /// <summary>The value with this schema name, or null.</summary>
        public EnumValueDefinition? FindValue(string name) => ValueList.Find(name);
    }

    /// <summary>One value of an enum.</summary>
    public sealed class EnumValueDefinition
    {
        internal EnumValueDefinition(string name, SourceLocation location, string? documentation)
        {
            Name = name;
            Location = location;
            Documentation = documentation;
        }

        /// <summary>The value's name in the schema.</summary>
        public string Name { get; }

        /// <summary>The value stored in the database: <c>@map</c>, else <see cref="Name"/>.</summary>
        public string DatabaseName => MappedName ?? Name;

        /// <summary>The name given with <c>@map</c>.</summary>
        public string? MappedName { get; internal set; }

        /// <summary>Where the name is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The <c>///</c> documentation.</summary>
        public string? Documentation { get; }
    }
}
