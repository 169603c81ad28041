using System.ComponentModel;
using System.Text.Json.Nodes;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// The value at a path into a Json field (<see cref="JsonField.Path"/>). <c>==</c> and <c>!=</c>
/// compare it by value and by type (the number 1 is not the string "1"; C#'s null is JSON's
/// <c>null</c>); the string filters hold for a string value, the array filters for an array. A
/// path that is missing in a document (or a null document) leaves every filter unknown, as SQL's
/// null does: neither the filter nor its negation (<c>!=</c>, <c>!</c>) matches that row.
/// </summary>
public readonly struct JsonPath
{
    private readonly JsonPathStep[] _steps;

    internal JsonPath(ColumnInfo column, JsonPathStep[] steps)
    {
        Column = column;
        _steps = steps;
    }

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>The steps from the document's root.</summary>
    public IReadOnlyList<JsonPathStep> Steps => _steps ?? [];

    /// <summary>Rows where the value is a string containing <paramref name="value"/> (Prisma's <c>string_contains</c>).</summary>
    public Filter StringContains(string value) => Text(JsonOperator.StringContains, value);

    /// <summary>Rows where the value is a string starting with <paramref name="value"/> (<c>string_starts_with</c>).</summary>
    public Filter StringStartsWith(string value) => Text(JsonOperator.StringStartsWith, value);

    /// <summary>Rows where the value is a string ending with <paramref name="value"/> (<c>string_ends_with</c>).</summary>
    public Filter StringEndsWith(string value) => Text(JsonOperator.StringEndsWith, value);

    /// <summary>
    /// Rows where the value is an array holding, for each of <paramref name="values"/>, an element equal
    /// to it by value (Prisma's <c>array_contains</c>); with no values, rows where it is an array.
    /// </summary>
    public Filter ArrayContains(params IEnumerable<JsonNode?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = new JsonArray();
        foreach (var value in values) array.Add(value?.DeepClone());
        return JsonFilter.Create(Column, Steps, JsonOperator.ArrayContains, array);
    }

    /// <summary>Rows where the value is an array whose first element equals <paramref name="value"/> (<c>array_starts_with</c>).</summary>
    public Filter ArrayStartsWith(JsonNode? value) => JsonFilter.Create(Column, Steps, JsonOperator.ArrayStartsWith, value);

    /// <summary>Rows where the value is an array whose last element equals <paramref name="value"/> (<c>array_ends_with</c>).</summary>
    public Filter ArrayEndsWith(JsonNode? value) => JsonFilter.Create(Column, Steps, JsonOperator.ArrayEndsWith, value);

    private Filter Text(JsonOperator op, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonFilter.Create(Column, Steps, op, value);
    }

#pragma warning disable CS1591 // The operators are the documented comparisons of the type.
    public static Filter operator ==(JsonPath path, JsonNode? value) => JsonFilter.Create(path.Column, path.Steps, JsonOperator.Equals, value);

    public static Filter operator !=(JsonPath path, JsonNode? value) => JsonFilter.Create(path.Column, path.Steps, JsonOperator.NotEquals, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is JsonPath other && other.Column == Column && other.Steps.SequenceEqual(Steps);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}

/// <summary>One step of a <see cref="JsonPath"/>: an object's key (a string) or an array's index (an integer from 0).</summary>
public readonly record struct JsonPathStep
{
    private JsonPathStep(string? key, int index)
    {
        Key = key;
        Index = index;
    }

    /// <summary>The object key, or null for an array index.</summary>
    public string? Key { get; }

    /// <summary>The array index (when <see cref="Key"/> is null).</summary>
    public int Index { get; }

    /// <summary>The step into an object's key.</summary>
    public static implicit operator JsonPathStep(string key) => new(key ?? throw new ArgumentNullException(nameof(key)), 0);

    /// <summary>The step into an array's element at <paramref name="index"/> (from 0).</summary>
    public static implicit operator JsonPathStep(int index) => index >= 0
        ? new(null, index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "A Json path's array index counts from 0.");
}
