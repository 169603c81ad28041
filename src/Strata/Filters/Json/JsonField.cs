using System.ComponentModel;
using System.Text.Json.Nodes;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// A <c>Json</c> field in a filter: <c>==</c> and <c>!=</c> compare whole documents by value (key
/// order and spacing do not matter), <c>== null</c> tests for a database null, and
/// <see cref="Path"/> reaches into the document (Prisma's Json filters). The string and array
/// filters here test the whole document, as with an empty path.
/// </summary>
public readonly struct JsonField
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public JsonField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>
    /// The value at a path into the document: object keys (strings) and array indexes (integers from 0),
    /// <c>s.Path("theme", "colors", 0)</c>. No steps is the whole document.
    /// </summary>
    public JsonPath Path(params ReadOnlySpan<JsonPathStep> steps) => new(Column, steps.ToArray());

    /// <summary>Rows whose document is a string containing <paramref name="value"/> (Prisma's <c>string_contains</c>).</summary>
    public Filter StringContains(string value) => Path().StringContains(value);

    /// <summary>Rows whose document is a string starting with <paramref name="value"/>.</summary>
    public Filter StringStartsWith(string value) => Path().StringStartsWith(value);

    /// <summary>Rows whose document is a string ending with <paramref name="value"/>.</summary>
    public Filter StringEndsWith(string value) => Path().StringEndsWith(value);

    /// <summary>Rows whose document is an array holding each of <paramref name="values"/> (Prisma's <c>array_contains</c>).</summary>
    public Filter ArrayContains(params IEnumerable<JsonNode?> values) => Path().ArrayContains(values);

    /// <summary>Rows whose document is an array whose first element equals <paramref name="value"/>.</summary>
    public Filter ArrayStartsWith(JsonNode? value) => Path().ArrayStartsWith(value);

    /// <summary>Rows whose document is an array whose last element equals <paramref name="value"/>.</summary>
    public Filter ArrayEndsWith(JsonNode? value) => Path().ArrayEndsWith(value);

#pragma warning disable CS1591 // The operators are the documented comparisons of the type.
    public static Filter operator ==(JsonField field, JsonNode? value) => value is null
        ? FieldFilters.Compare(field.Column, Filters.FilterOperator.Equals, null)
        : JsonFilter.Create(field.Column, [], JsonOperator.Equals, value);

    // C#'s != holds for a null document, as for other fields (the path's != leaves it unknown).
    public static Filter operator !=(JsonField field, JsonNode? value) => value is null
        ? FieldFilters.Compare(field.Column, Filters.FilterOperator.NotEquals, null)
        : field.Column.IsOptional
            ? Filter.Or(JsonFilter.Create(field.Column, [], JsonOperator.NotEquals, value), FieldFilters.Compare(field.Column, Filters.FilterOperator.Equals, null))
            : JsonFilter.Create(field.Column, [], JsonOperator.NotEquals, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is JsonField other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}
