using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Text;

namespace Strata.Schema.Semantics
{
    /// <summary>A model (a table) or a view.</summary>
    public sealed class ModelDefinition : IFieldContainer
    {
        internal ModelDefinition(string name, bool isView, SourceLocation location, string? documentation)
        {
            Name = name;
            IsView = isView;
            Location = location;
            Documentation = documentation;
        }

        /// <inheritdoc />
        public string Name { get; }

        /// <summary>True for <c>view</c> blocks.</summary>
        public bool IsView { get; }

        /// <summary>The table (or view) name: <c>@@map</c>, else <see cref="Name"/>.</summary>
        public string DatabaseName => MappedName ?? Name;

        /// <summary>The name given with <c>@@map</c>.</summary>
        public string? MappedName { get; internal set; }

        /// <summary>Where <c>@@map</c> is written, if it is.</summary>
        internal SourceLocation? MapLocation { get; set; }

        /// <summary>The database schema from <c>@@schema</c>.</summary>
        public string? DatabaseSchema { get; internal set; }

        /// <summary>True when <c>@@schema</c> is written, even with a malformed argument (Prisma then reports the argument, not a missing attribute).</summary>
        internal bool HasSchemaAttribute { get; set; }

        /// <summary>
        /// The shard keys written (<c>@shardKey</c> on fields, <c>@@shardKey([...])</c>), each with
        /// where it is written: checked as Prisma checks them, not used further (PlanetScale only).
        /// </summary>
        internal List<(IReadOnlyList<FieldDefinition> Fields, SourceLocation Location, bool IsFieldLevel)> ShardKeys { get; } =
            new List<(IReadOnlyList<FieldDefinition>, SourceLocation, bool)>();

        /// <summary>True when the model has <c>@@ignore</c>.</summary>
        public bool IsIgnored { get; internal set; }

        /// <inheritdoc />
        public SourceLocation Location { get; }

        /// <summary>The <c>///</c> documentation.</summary>
        public string? Documentation { get; }

        /// <inheritdoc />
        public IReadOnlyList<FieldDefinition> Fields => FieldList;

        internal NamedList<FieldDefinition> FieldList { get; } = new NamedList<FieldDefinition>(f => f.Name);

        /// <summary>Fields that are columns (everything but relation fields).</summary>
        public IEnumerable<FieldDefinition> ScalarFields => FieldList.Where(f => f.IsColumn);

        /// <summary>Relation fields.</summary>
        public IEnumerable<FieldDefinition> RelationFields => FieldList.Where(f => f.Kind == FieldKind.Relation);

        /// <summary>The primary key from <c>@id</c> or <c>@@id</c>.</summary>
        public PrimaryKeyDefinition? PrimaryKey { get; internal set; }

        /// <summary>Unique constraints from <c>@unique</c> and <c>@@unique</c>.</summary>
        public IReadOnlyList<UniqueDefinition> Uniques => UniqueList;

        internal List<UniqueDefinition> UniqueList { get; } = new List<UniqueDefinition>();

        /// <summary>Indexes from <c>@@index</c>.</summary>
        public IReadOnlyList<IndexDefinition> Indexes => IndexList;

        internal List<IndexDefinition> IndexList { get; } = new List<IndexDefinition>();

        /// <summary>The field with this name, or null.</summary>
        public FieldDefinition? FindField(string name) => FieldList.Find(name);

        /// <summary>True when the model has a primary key or a unique constraint, so that a row can be addressed.</summary>
        public bool HasUniqueCriterion => PrimaryKey != null || UniqueList.Count > 0;

        /// <summary>True when <paramref name="fieldNames"/> (in any order) are exactly the primary key or one unique constraint.</summary>
        public bool IsUniqueCriterion(IReadOnlyCollection<string> fieldNames)
        {
            var set = new HashSet<string>(fieldNames);
            if (set.Count != fieldNames.Count) return false;
            if (PrimaryKey != null && set.SetEquals(PrimaryKey.Fields.Select(f => f.Name))) return true;
            return UniqueList.Any(u => set.SetEquals(u.Fields.Select(f => f.Name)));
        }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
