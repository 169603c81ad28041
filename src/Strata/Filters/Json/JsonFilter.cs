using System.Text.Json.Nodes;
using Strata.Execution;
using Strata.Filters;
using Strata.Metadata;
using Strata.Queries;

namespace Strata
{
    /// <summary>What a Json filter tests; the dialect writes each one.</summary>
    public enum JsonOperator
    {
        /// <summary>The value equals the given one, by value.</summary>
        Equals,
        /// <summary>The value differs from the given one (a missing value, or a null document, is unknown).</summary>
        NotEquals,
        /// <summary>The value is a string containing the text.</summary>
        StringContains,
        /// <summary>The value is a string starting with the text.</summary>
        StringStartsWith,
        /// <summary>The value is a string ending with the text.</summary>
        StringEndsWith,
        /// <summary>The value is an array holding an element equal to each given value.</summary>
        ArrayContains,
        /// <summary>The value is an array whose first element equals the given one.</summary>
        ArrayStartsWith,
        /// <summary>The value is an array whose last element equals the given one.</summary>
        ArrayEndsWith,
    }

    /// <summary>A Json filter of <paramref name="Column"/>'s document at <paramref name="Path"/>, as the dialect receives it to write.</summary>
    /// <param name="Column">The Json column.</param>
    /// <param name="Path">The steps into the document; none for the whole document.</param>
    /// <param name="Operator">What is tested.</param>
    /// <param name="Text">The text of the string filters.</param>
    /// <param name="Json">The JSON text compared with: the value (<c>null</c> for JSON's null), or for <see cref="JsonOperator.ArrayContains"/> an array of the values.</param>
    public readonly record struct JsonCondition(ColumnInfo Column, IReadOnlyList<JsonPathStep> Path, JsonOperator Operator, string? Text, string? Json)
    {
        /// <summary>True when the filter is on the whole document.</summary>
        public bool IsRoot => Path.Count == 0;

        /// <summary>True for the three string filters.</summary>
        public bool IsStringMatch => Operator is JsonOperator.StringContains or JsonOperator.StringStartsWith or JsonOperator.StringEndsWith;

        /// <summary>The string filter as a text match operator (contains, starts with, ends with).</summary>
        public FilterOperator TextOperator => Operator switch
        {
            JsonOperator.StringContains => FilterOperator.Contains,
            JsonOperator.StringStartsWith => FilterOperator.StartsWith,
            _ => FilterOperator.EndsWith,
        };
    }

    internal sealed class JsonFilter(JsonCondition condition) : Filter
    {
        public JsonCondition Condition { get; } = condition;

        /// <summary>The filter, its values checked now (a lone surrogate would hide as an escape in the JSON text bound).</summary>
        public static JsonFilter Create(ColumnInfo column, IReadOnlyList<JsonPathStep> path, JsonOperator op, object? value)
        {
            foreach (var step in path)
                if (step.Key != null) ValueGuard.Check(new QueryParameter(ScalarKind.String, null, step.Key), null);
            if (value is string text)
            {
                ValueGuard.Check(new QueryParameter(ScalarKind.String, null, text), null);
                return new JsonFilter(new JsonCondition(column, path, op, text, null));
            }
            var node = (JsonNode?)value;
            if (node != null) ValueGuard.Check(new QueryParameter(ScalarKind.Json, column, node), null);
            return new JsonFilter(new JsonCondition(column, path, op, null, node?.ToJsonString() ?? "null"));
        }

        internal override void Write(SqlWriter writer, string alias) => writer.Dialect.WriteJsonFilter(writer, alias, Condition);
    }
}
