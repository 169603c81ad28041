using Strata.Metadata;

namespace Strata;

/// <summary>Where nulls go in an ordering.</summary>
public enum Nulls
{
    /// <summary>The database's default: last ascending on PostgreSQL, first ascending on SQLite.</summary>
    Default,
    /// <summary>Nulls before all values.</summary>
    First,
    /// <summary>Nulls after all values.</summary>
    Last,
}

/// <summary>
/// A field named in an ordering, a distinct, an omit or a cursor, from a generated
/// <c>XxxFields</c> proxy: <c>u =&gt; u.Age.Desc()</c>, <c>u =&gt; u.Password</c>.
/// </summary>
public readonly struct FieldRef
{
    /// <summary>Creates the reference (generated code does this).</summary>
    public FieldRef(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Ascending order, smallest first.</summary>
    public OrderBy Asc(Nulls nulls = Nulls.Default) => new(Column, false, nulls);

    /// <summary>Descending order, largest first.</summary>
    public OrderBy Desc(Nulls nulls = Nulls.Default) => new(Column, true, nulls);

    /// <summary>A field alone orders ascending.</summary>
    public static implicit operator OrderBy(FieldRef field) => field.Asc();
}

/// <summary>
/// A field of C# type <typeparamref name="T"/> (nullable for every field: an aggregate of no rows,
/// or a group's key of an optional field, is null), from a generated <c>XxxFields</c> proxy. It is a
/// <see cref="FieldRef"/> wherever one is taken; aggregates use its type for their results.
/// </summary>
/// <typeparam name="T">The field's C# type, nullable.</typeparam>
public readonly struct FieldRef<T>
{
    /// <summary>Creates the reference (generated code does this).</summary>
    public FieldRef(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Ascending order, smallest first.</summary>
    public OrderBy Asc(Nulls nulls = Nulls.Default) => new(Column, false, nulls);

    /// <summary>Descending order, largest first.</summary>
    public OrderBy Desc(Nulls nulls = Nulls.Default) => new(Column, true, nulls);

    /// <summary>The untyped reference.</summary>
    public static implicit operator FieldRef(FieldRef<T> field) => new(field.Column);

    /// <summary>A field alone orders ascending.</summary>
    public static implicit operator OrderBy(FieldRef<T> field) => field.Asc();
}

/// <summary>One key of an ordering.</summary>
/// <param name="Column">The column.</param>
/// <param name="Descending">True for descending order.</param>
/// <param name="Nulls">Where nulls go.</param>
public readonly record struct OrderBy(ColumnInfo Column, bool Descending, Nulls Nulls)
{
    /// <summary>Set when the key is not the record's own field: a related record's field, or a relation's count.</summary>
    internal RelationOrderPath? Via { get; init; }

    /// <summary>Set when the key is a full-text query's relevance.</summary>
    internal TextSearch? Relevance { get; init; }

    /// <summary>True when the key is not a plain field of the record (a relation's, or a relevance).</summary>
    internal bool IsComputed => Via != null || Relevance != null;

    internal OrderBy Reversed() => this with { Descending = !Descending, Nulls = Nulls switch { Nulls.First => Nulls.Last, Nulls.Last => Nulls.First, _ => Nulls.Default } };
}
