namespace Strata.Migrate.Model;

/// <summary>
/// A database schema in provider terms: tables, columns, keys, indexes, foreign keys and enums.
/// Both the PSL schema (through <see cref="SchemaMapper"/>) and a live database (through
/// introspection) become one of these, so that the two can be compared.
/// </summary>
/// <param name="Tables">Tables in schema order.</param>
/// <param name="Enums">Native enum types (PostgreSQL).</param>
/// <param name="Namespaces">Database schemas to create (PostgreSQL's <c>schemas</c>); empty for the default one.</param>
public sealed record DatabaseSchema(IReadOnlyList<Table> Tables, IReadOnlyList<DatabaseEnum> Enums, IReadOnlyList<string> Namespaces)
{
    /// <summary>The table with this name, or null.</summary>
    public Table? FindTable(string name, string? schema = null) =>
        Tables.FirstOrDefault(t => t.Name == name && t.Schema == schema);
}

/// <summary>A table.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Schema">The database schema (PostgreSQL), or null for the default one.</param>
/// <param name="Columns">Columns in order.</param>
/// <param name="PrimaryKey">The primary key, if any.</param>
/// <param name="Indexes">Indexes, unique ones included.</param>
/// <param name="ForeignKeys">Foreign keys.</param>
public sealed record Table(
    string Name,
    string? Schema,
    IReadOnlyList<Column> Columns,
    PrimaryKey? PrimaryKey,
    IReadOnlyList<Index> Indexes,
    IReadOnlyList<ForeignKey> ForeignKeys);

/// <summary>A column.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The SQL type as the provider writes it (<c>TEXT</c>, <c>VARCHAR(255)</c>, <c>"Role"</c>).</param>
/// <param name="Nullable">True when NULL is allowed.</param>
/// <param name="Default">The default as SQL text, or null.</param>
/// <param name="AutoIncrement">True for auto-incrementing integer keys (SERIAL, AUTOINCREMENT).</param>
public sealed record Column(string Name, string Type, bool Nullable, string? Default, bool AutoIncrement)
{
    /// <summary>
    /// True for <c>@default(dbgenerated())</c> with no argument: the database's default, whatever
    /// it is, is the one wanted, so the differ neither compares nor drops it.
    /// </summary>
    public bool DefaultFromDatabase { get; init; }
}

/// <summary>A primary key.</summary>
/// <param name="Name">The constraint name.</param>
/// <param name="Columns">The key columns in order.</param>
public sealed record PrimaryKey(string Name, IReadOnlyList<string> Columns);

/// <summary>An index.</summary>
/// <param name="Name">The index name.</param>
/// <param name="Columns">The indexed columns with their options.</param>
/// <param name="Unique">True for unique indexes (Prisma writes unique constraints as unique indexes).</param>
/// <param name="Method">The index method (PostgreSQL: BTREE, HASH, GIN...), or null for the default.</param>
public sealed record Index(string Name, IReadOnlyList<IndexColumn> Columns, bool Unique, string? Method);

/// <summary>One column of an index.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Descending">True for DESC.</param>
/// <param name="OperatorClass">A PostgreSQL operator class, or null.</param>
/// <param name="Length">MySQL's prefix length (<c>length:</c>), the leading characters or bytes indexed; null for the whole value.</param>
public sealed record IndexColumn(string Name, bool Descending = false, string? OperatorClass = null, int? Length = null);

/// <summary>A foreign key.</summary>
/// <param name="Name">The constraint name.</param>
/// <param name="Columns">The referencing columns.</param>
/// <param name="ReferencedTable">The referenced table.</param>
/// <param name="ReferencedSchema">The referenced table's database schema, or null.</param>
/// <param name="ReferencedColumns">The referenced columns.</param>
/// <param name="OnDelete">The action on delete, as SQL (<c>CASCADE</c>, <c>SET NULL</c>...).</param>
/// <param name="OnUpdate">The action on update, as SQL.</param>
public sealed record ForeignKey(
    string Name,
    IReadOnlyList<string> Columns,
    string ReferencedTable,
    string? ReferencedSchema,
    IReadOnlyList<string> ReferencedColumns,
    string OnDelete,
    string OnUpdate);

/// <summary>A native enum type.</summary>
/// <param name="Name">The type name.</param>
/// <param name="Schema">The database schema, or null.</param>
/// <param name="Values">The values in order.</param>
public sealed record DatabaseEnum(string Name, string? Schema, IReadOnlyList<string> Values);
