using System.ComponentModel;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// A field of a unique criterion in a generated <c>XxxUnique</c> proxy:
/// <c>u =&gt; u.Email == "a@b.c"</c>. Only unique fields and compound keys are on that proxy,
/// so FindUnique, Update, Upsert and Delete cannot be given a criterion that matches many rows.
/// </summary>
/// <typeparam name="T">The field's C# type.</typeparam>
public readonly struct UniqueField<T>
{
    private readonly UniqueInfo _unique;

    /// <summary>Creates the proxy (generated code does this).</summary>
    public UniqueField(UniqueInfo unique) => _unique = unique;

    /// <summary>The row whose field equals <paramref name="value"/>.</summary>
    public static UniqueFilter operator ==(UniqueField<T> field, T value) => new(field._unique, [value]);

    /// <summary>Not a unique criterion: a unique lookup compares with <c>==</c> only.</summary>
    [Obsolete("A unique criterion compares with == only.", error: true)]
    public static UniqueFilter operator !=(UniqueField<T> field, T value) => throw new NotSupportedException();

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is UniqueField<T> other && other._unique == _unique;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _unique.GetHashCode();
}

/// <summary>One row's unique criterion with its values: the primary key, a unique field or a compound unique.</summary>
public sealed class UniqueFilter
{
    /// <summary>Creates the criterion (generated code does this for compound keys).</summary>
    public UniqueFilter(UniqueInfo unique, object?[] values)
    {
        Unique = unique;
        Values = values;
        if (values.Length != unique.Columns.Length) throw new ArgumentException($"{unique.Name} has {unique.Columns.Length} fields, got {values.Length} values.", nameof(values));
    }

    /// <summary>The criterion.</summary>
    public UniqueInfo Unique { get; }

    /// <summary>The values, in the criterion's column order.</summary>
    public object?[] Values { get; }

    /// <summary>A further condition the record must meet (the query's Where), or null.</summary>
    internal Filter? Extra { get; private init; }

    internal UniqueFilter And(Filter extra) => new(Unique, Values) { Extra = Extra == null ? extra : Extra & extra };

    /// <summary>The same criterion as a filter.</summary>
    public Filter ToFilter(ModelInfo model)
    {
        CheckValues(model);
        if (Values.Length == 1 && Extra == null) return FieldFilters.Compare(model.Columns[Unique.Columns[0]], Filters.FilterOperator.Equals, Values[0]);
        var parts = new Filter[Values.Length + (Extra == null ? 0 : 1)];
        for (int i = 0; i < Values.Length; i++)
            parts[i] = FieldFilters.Compare(model.Columns[Unique.Columns[i]], Filters.FilterOperator.Equals, Values[i]);
        if (Extra != null) parts[^1] = Extra;
        return parts.Length == 1 ? parts[0] : Filter.And(parts);
    }

    /// <summary>Throws when a value is null: null matches no single record.</summary>
    internal void CheckValues(ModelInfo model)
    {
        for (int i = 0; i < Values.Length; i++)
            if (Values[i] == null)
                throw new StrataException(ErrorCodes.InvalidQuery, $"A unique criterion of {model.Name} cannot compare {model.Columns[Unique.Columns[i]].FieldName} with null: null matches no single record.") { Model = model.Name };
    }
}
