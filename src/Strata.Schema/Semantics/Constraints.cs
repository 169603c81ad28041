using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Text;

namespace Strata.Schema.Semantics
{
    /// <summary>One field in a key or index, with its options.</summary>
    public sealed class IndexField
    {
        internal IndexField(FieldDefinition field) => Field = field;

        /// <summary>The field.</summary>
        public FieldDefinition Field { get; }

        /// <summary>The field's schema name.</summary>
        public string Name => Field.Name;

        /// <summary><c>sort:</c>, where given.</summary>
        public SortOrder? Sort { get; internal set; }

        /// <summary><c>length:</c> (MySQL only; kept for round trips).</summary>
        public int? Length { get; internal set; }

        /// <summary><c>ops:</c>, a PostgreSQL operator class.</summary>
        public string? OperatorClass { get; internal set; }
    }

    /// <summary>Common parts of primary keys, unique constraints and indexes.</summary>
    public abstract class KeyDefinition
    {
        private protected KeyDefinition(ModelDefinition model, IReadOnlyList<IndexField> fields, SourceLocation location)
        {
            Model = model;
            Fields = fields;
            Location = location;
        }

        /// <summary>The model.</summary>
        public ModelDefinition Model { get; }

        /// <summary>The fields in order.</summary>
        public IReadOnlyList<IndexField> Fields { get; }

        /// <summary>Where the attribute is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The database name given with <c>map:</c>.</summary>
        public string? MappedName { get; internal set; }

        /// <summary>The database name: <c>map:</c>, else Prisma's default name.</summary>
        public abstract string DatabaseName { get; }

        /// <summary>The field names in order.</summary>
        public IEnumerable<string> FieldNames => Fields.Select(f => f.Name);

        /// <summary>The column names in order.</summary>
        public IReadOnlyList<string> ColumnNames => Fields.Select(f => f.Field.DatabaseName).ToList();

        /// <summary>True for single-field <c>@id</c> / <c>@unique</c> written on the field.</summary>
        public bool IsFieldLevel { get; internal set; }
    }

    /// <summary>A primary key.</summary>
    public sealed class PrimaryKeyDefinition : KeyDefinition
    {
        internal PrimaryKeyDefinition(ModelDefinition model, IReadOnlyList<IndexField> fields, SourceLocation location)
            : base(model, fields, location)
        {
        }

        /// <summary>The client name from <c>@@id(name: ...)</c>.</summary>
        public string? ClientName { get; internal set; }

        /// <inheritdoc />
        public override string DatabaseName => MappedName ?? ConstraintNames.PrimaryKey(Model.DatabaseName);
    }

    /// <summary>A unique constraint.</summary>
    public sealed class UniqueDefinition : KeyDefinition
    {
        internal UniqueDefinition(ModelDefinition model, IReadOnlyList<IndexField> fields, SourceLocation location)
            : base(model, fields, location)
        {
        }

        /// <summary>The name the client uses for this criterion: <c>name:</c>, else the field names joined by <c>_</c>.</summary>
        public string ClientName => ExplicitClientName ?? string.Join("_", FieldNames);

        /// <summary>The name given with <c>name:</c>.</summary>
        public string? ExplicitClientName { get; internal set; }

        /// <inheritdoc />
        public override string DatabaseName => MappedName ?? ConstraintNames.Unique(Model.DatabaseName, ColumnNames);
    }

    /// <summary>A non-unique index.</summary>
    public sealed class IndexDefinition : KeyDefinition
    {
        internal IndexDefinition(ModelDefinition model, IReadOnlyList<IndexField> fields, SourceLocation location)
            : base(model, fields, location)
        {
        }

        /// <summary>True for <c>@@fulltext</c>: a MySQL FULLTEXT index.</summary>
        public bool IsFullText { get; internal set; }

        /// <summary>The index method from <c>type:</c> (BTree, Hash, Gist, Gin, SpGist, Brin), where given.</summary>
        public string? IndexType { get; internal set; }

        /// <inheritdoc />
        public override string DatabaseName => MappedName ?? ConstraintNames.Index(Model.DatabaseName, ColumnNames);
    }

    /// <summary>Prisma's default names for keys, indexes and foreign keys.</summary>
    public static class ConstraintNames
    {
        /// <summary>The longest identifier PostgreSQL keeps; Prisma shortens default names to fit it.</summary>
        public const int MaxLength = 63;

        /// <summary><c>{table}_pkey</c>.</summary>
        public static string PrimaryKey(string table) => Build(table, System.Array.Empty<string>(), "pkey");

        /// <summary><c>{table}_{columns}_key</c>, shortened to <paramref name="maxLength"/> (the provider's limit).</summary>
        public static string Unique(string table, IReadOnlyList<string> columns, int maxLength = MaxLength) => Build(table, columns, "key", maxLength);

        /// <summary><c>{table}_{columns}_idx</c>, shortened to <paramref name="maxLength"/> (the provider's limit).</summary>
        public static string Index(string table, IReadOnlyList<string> columns, int maxLength = MaxLength) => Build(table, columns, "idx", maxLength);

        /// <summary><c>{table}_{columns}_fkey</c>, shortened to <paramref name="maxLength"/> (the provider's limit).</summary>
        public static string ForeignKey(string table, IReadOnlyList<string> columns, int maxLength = MaxLength) => Build(table, columns, "fkey", maxLength);

        private static string Build(string table, IReadOnlyList<string> columns, string suffix, int maxLength = MaxLength)
        {
            string stem = columns.Count == 0 ? table : table + "_" + string.Join("_", columns);
            int room = maxLength - suffix.Length - 1;
            if (stem.Length > room) stem = stem.Substring(0, room);
            return stem + "_" + suffix;
        }
    }
}
