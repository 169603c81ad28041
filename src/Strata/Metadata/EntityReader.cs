using System.Collections;
using System.Data.Common;
using Strata.Providers;

namespace Strata.Metadata;

/// <summary>
/// Implemented explicitly by generated entities so the runtime can read key values and attach
/// included relations without reflection.
/// </summary>
public interface IStrataEntity
{
    /// <summary>The boxed value of column <paramref name="index"/>.</summary>
    object? GetColumnValue(int index);

    /// <summary>Attaches loaded relation <paramref name="index"/>: a list for list relations, an entity or null for to-one.</summary>
    void SetRelationValue(int index, object? value);

    /// <summary>Sets the count of list relation <paramref name="index"/> (an <c>IncludeCount</c>).</summary>
    void SetRelationCount(int index, int count);

    /// <summary>The loaded relation <paramref name="index"/>: a list for list relations, an entity or null for to-one.</summary>
    object? GetRelationValue(int index);

    /// <summary>The count of list relation <paramref name="index"/>, or null when it was not counted.</summary>
    int? GetRelationCount(int index);
}

/// <summary>Which columns a query reads: all, or all but the omitted ones.</summary>
public readonly struct ColumnSet
{
    private readonly bool[]? _omitted;

    internal ColumnSet(bool[]? omitted) => _omitted = omitted;

    /// <summary>Every column.</summary>
    public static ColumnSet All => default;

    /// <summary>True when every column is read, so a reader can take each at its fixed ordinal.</summary>
    public bool IsAll => _omitted == null;

    /// <summary>True when column <paramref name="index"/> is read.</summary>
    public bool Has(int index) => _omitted == null || !_omitted[index];
}

/// <summary>Reads an entity from the current row by ordinal; the generated code derives one per model.</summary>
public abstract class EntityReader
{
    /// <summary>Reads the current row's selected columns, in column order from ordinal 0.</summary>
    public abstract IStrataEntity ReadEntity(DbDataReader reader, ColumnSet columns, RowReader values);

    /// <summary>A new, empty, typed list for included list relations, with room for <paramref name="capacity"/> records.</summary>
    public abstract IList NewList(int capacity = 0);
}

/// <summary>The typed <see cref="EntityReader"/>.</summary>
/// <typeparam name="TEntity">The generated entity.</typeparam>
public abstract class EntityReader<TEntity> : EntityReader where TEntity : class, IStrataEntity
{
    /// <summary>Reads the current row's selected columns, in column order from ordinal 0.</summary>
    public abstract TEntity Read(DbDataReader reader, ColumnSet columns, RowReader values);

    /// <inheritdoc />
    public sealed override IStrataEntity ReadEntity(DbDataReader reader, ColumnSet columns, RowReader values) => Read(reader, columns, values);

    /// <inheritdoc />
    public sealed override IList NewList(int capacity = 0) => new List<TEntity>(capacity);
}
