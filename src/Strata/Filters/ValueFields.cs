using System.ComponentModel;
using Strata.Filters;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// A required number or date field in a filter (<c>Int</c>, <c>BigInt</c>, <c>Float</c>,
/// <c>Decimal</c>, <c>DateTime</c>): compare it with <c>==</c>, <c>!=</c>, <c>&lt;</c>,
/// <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, or test membership with <see cref="In"/>.
/// </summary>
/// <typeparam name="T">The field's C# type.</typeparam>
public readonly struct ValueField<T> where T : struct
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public ValueField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Rows whose value equals one of <paramref name="values"/>.</summary>
    public Filter In(params IEnumerable<T> values) => FieldFilters.In(Column, values.ToArray(), negate: false);

    /// <summary>Rows whose value equals none of <paramref name="values"/>.</summary>
    public Filter NotIn(params IEnumerable<T> values) => FieldFilters.In(Column, values.ToArray(), negate: true);

#pragma warning disable CS1591 // The operators are the documented comparisons of the type.
    public static Filter operator ==(ValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value);
    public static Filter operator !=(ValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value);
    public static Filter operator <(ValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.LessThan, value);
    public static Filter operator <=(ValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.LessThanOrEqual, value);
    public static Filter operator >(ValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThan, value);
    public static Filter operator >=(ValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThanOrEqual, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ValueField<T> other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}

/// <summary>
/// An optional number or date field in a filter: like <see cref="ValueField{T}"/>, and
/// <c>== null</c> / <c>!= null</c> test for null.
/// </summary>
/// <typeparam name="T">The field's C# type.</typeparam>
public readonly struct NullableValueField<T> where T : struct
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public NullableValueField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Rows whose value equals one of <paramref name="values"/>.</summary>
    public Filter In(params IEnumerable<T> values) => FieldFilters.In(Column, values.ToArray(), negate: false);

    /// <summary>Rows whose value equals none of <paramref name="values"/> (rows with null match, as with <c>!=</c>).</summary>
    public Filter NotIn(params IEnumerable<T> values) => FieldFilters.In(Column, values.ToArray(), negate: true);

#pragma warning disable CS1591
    public static Filter operator ==(NullableValueField<T> field, T? value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value);
    public static Filter operator !=(NullableValueField<T> field, T? value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value);
    public static Filter operator <(NullableValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.LessThan, value);
    public static Filter operator <=(NullableValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.LessThanOrEqual, value);
    public static Filter operator >(NullableValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThan, value);
    public static Filter operator >=(NullableValueField<T> field, T value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThanOrEqual, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is NullableValueField<T> other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}

/// <summary>A Boolean field in a filter: use it alone (<c>t =&gt; t.Done</c>), negated (<c>!t.Done</c>), or with <c>==</c>.</summary>
public readonly struct BoolField
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public BoolField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Rows where the field is true.</summary>
    public static implicit operator Filter(BoolField field) => FieldFilters.Compare(field.Column, FilterOperator.Equals, true);

    /// <summary>Rows where the field is false.</summary>
    public static Filter operator !(BoolField field) => FieldFilters.Compare(field.Column, FilterOperator.Equals, false);

#pragma warning disable CS1591
    public static Filter operator ==(BoolField field, bool? value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value);
    public static Filter operator !=(BoolField field, bool? value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is BoolField other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}

/// <summary>An enum field in a filter: <c>==</c>, <c>!=</c> (with null for optional fields), <see cref="In"/>, <see cref="NotIn"/>.</summary>
/// <typeparam name="T">The generated C# enum.</typeparam>
public readonly struct EnumField<T> where T : struct, Enum
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public EnumField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Rows whose value is one of <paramref name="values"/>.</summary>
    public Filter In(params IEnumerable<T> values) => FieldFilters.In(Column, values.ToArray(), negate: false);

    /// <summary>Rows whose value is none of <paramref name="values"/>.</summary>
    public Filter NotIn(params IEnumerable<T> values) => FieldFilters.In(Column, values.ToArray(), negate: true);

#pragma warning disable CS1591
    public static Filter operator ==(EnumField<T> field, T? value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value);
    public static Filter operator !=(EnumField<T> field, T? value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is EnumField<T> other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}

/// <summary>
/// A <c>Bytes</c> field in a filter: <c>==</c> and <c>!=</c> with a value or null (Json fields
/// have <see cref="JsonField"/>).
/// </summary>
/// <typeparam name="T">byte[].</typeparam>
public readonly struct ObjectField<T> where T : class
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public ObjectField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

#pragma warning disable CS1591
    public static Filter operator ==(ObjectField<T> field, T? value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value);
    public static Filter operator !=(ObjectField<T> field, T? value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ObjectField<T> other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}

internal static class FieldFilters
{
    public static Filter Compare(ColumnInfo column, FilterOperator op, object? value, bool insensitive = false)
    {
        if (value == null && op is not (FilterOperator.Equals or FilterOperator.NotEquals))
            throw new ArgumentNullException(nameof(value), $"{op} on {column.FieldName} needs a value; only == and != compare with null.");
        return new ComparisonFilter(column, op, value, insensitive);
    }

    public static Filter In<T>(ColumnInfo column, T[] values, bool negate, bool insensitive = false)
    {
        // An empty list matches nothing (In) or everything (NotIn), as in Prisma; no SQL needs writing.
        if (values.Length == 0) return negate ? Filter.True : Filter.False;
        if (default(T) == null && Array.IndexOf(values, default(T)) >= 0)
            throw new StrataException(ErrorCodes.InvalidQuery,
                $"{(negate ? "NotIn" : "In")} on {column.FieldName} was given null among its values; a list holds values only. Match nulls with {column.FieldName} {(negate ? "!=" : "==")} null, combined with {(negate ? "&&" : "||")}.");
        return new ComparisonFilter(column, negate ? FilterOperator.NotIn : FilterOperator.In, values, insensitive);
    }
}
