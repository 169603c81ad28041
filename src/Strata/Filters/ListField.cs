using System.ComponentModel;
using Strata.Filters;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// A scalar list field in a filter (PostgreSQL arrays): <see cref="Has"/>, <see cref="HasSome"/>,
/// <see cref="HasEvery"/>, <see cref="IsEmpty"/>, and <c>==</c> with a whole list or null.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct ListField<T>
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public ListField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Rows whose list holds <paramref name="value"/>.</summary>
    public Filter Has(T value) => FieldFilters.Compare(Column, FilterOperator.Has, value);

    /// <summary>Rows whose list holds at least one of <paramref name="values"/>.</summary>
    public Filter HasSome(params IEnumerable<T> values) => FieldFilters.Compare(Column, FilterOperator.HasSome, values.ToArray());

    /// <summary>Rows whose list holds every one of <paramref name="values"/>.</summary>
    public Filter HasEvery(params IEnumerable<T> values) => FieldFilters.Compare(Column, FilterOperator.HasEvery, values.ToArray());

    /// <summary>Rows whose list is empty (or not, with <c>false</c>); a null list counts as empty.</summary>
    public Filter IsEmpty(bool empty = true) => FieldFilters.Compare(Column, FilterOperator.IsEmpty, empty);

#pragma warning disable CS1591
    public static Filter operator ==(ListField<T> field, IEnumerable<T>? value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value?.ToList());
    public static Filter operator !=(ListField<T> field, IEnumerable<T>? value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value?.ToList());
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ListField<T> other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}
