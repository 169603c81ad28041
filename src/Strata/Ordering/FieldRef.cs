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

/// <summary>One key of an ordering.</summary>
/// <param name="Column">The column.</param>
/// <param name="Descending">True for descending order.</param>
/// <param name="Nulls">Where nulls go.</param>
public readonly record struct OrderBy(ColumnInfo Column, bool Descending, Nulls Nulls)
{
    internal OrderBy Reversed() => new(Column, !Descending, Nulls switch { Nulls.First => Nulls.Last, Nulls.Last => Nulls.First, _ => Nulls.Default });
}
