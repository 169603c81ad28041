using System.Globalization;
using System.Text;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.MySql.Runtime;

public sealed partial class MySqlDialect
{
    /// <inheritdoc />
    /// <remarks>
    /// Equality by value through MariaDB's <c>JSON_EQUALS</c> (key order, spacing and number spelling do
    /// not matter); the value at a path is <c>JSON_EXTRACT</c> of one step at a time, null when missing
    /// (see <see cref="WriteAt"/>). An array holds the given values when <c>JSON_CONTAINS</c> says so.
    /// </remarks>
    public override void WriteJsonFilter(SqlWriter writer, string alias, JsonCondition condition)
    {
        var column = condition.Column;
        var path = condition.Path;
        void Value(SqlWriter w) => WriteAt(w, alias, column, path, path.Count);
        void Given(SqlWriter w) => w.Parameter(new QueryParameter(ScalarKind.Json, null, condition.Json));
        switch (condition.Operator)
        {
            case JsonOperator.Equals or JsonOperator.NotEquals:
                writer.Sql(condition.Operator == JsonOperator.Equals ? "JSON_EQUALS(" : "NOT JSON_EQUALS(");
                Value(writer);
                writer.Sql(", ");
                Given(writer);
                writer.Sql(')');
                return;
        }
        // A value of another type fails the test; a missing one leaves it unknown.
        writer.Sql("CASE WHEN JSON_TYPE(");
        Value(writer);
        writer.Sql(condition.IsStringMatch ? ") = 'STRING' THEN " : ") = 'ARRAY' THEN ");
        switch (condition.Operator)
        {
            case JsonOperator.ArrayContains:
                writer.Sql("JSON_CONTAINS(");
                Value(writer);
                writer.Sql(", ");
                Given(writer);
                writer.Sql(") = 1");
                break;
            case JsonOperator.ArrayStartsWith or JsonOperator.ArrayEndsWith:
                // An empty array has no first or last element: false, not unknown.
                writer.Sql("COALESCE(JSON_EQUALS(JSON_EXTRACT(");
                Value(writer);
                if (condition.Operator == JsonOperator.ArrayStartsWith) writer.Sql(", '$[0]')");
                else
                {
                    writer.Sql(", CONCAT('$[', JSON_LENGTH(");
                    Value(writer);
                    writer.Sql(") - 1, ']'))");
                }
                writer.Sql(", ");
                Given(writer);
                writer.Sql("), 0) = 1");
                break;
            default:
                // JSON text is utf8mb4_bin: the match is by case, as on the other databases.
                writer.Sql("JSON_UNQUOTE(");
                Value(writer);
                writer.Sql(") LIKE ").Parameter(new QueryParameter(ScalarKind.String, null, LikePattern(condition.TextOperator, condition.Text!))).Sql(" ESCAPE '\\\\'");
                break;
        }
        writer.Sql(" WHEN ");
        Value(writer);
        writer.Sql(" IS NULL THEN NULL ELSE 0 END");
    }

    /// <summary>
    /// Writes the value at the first <paramref name="steps"/> steps of <paramref name="path"/>. A key step
    /// is <c>JSON_EXTRACT(v, '$."key"')</c>, the path bound as a parameter; an index step reads arrays
    /// only (MySQL's <c>$[0]</c> of a scalar or an object is the value itself).
    /// </summary>
    private static void WriteAt(SqlWriter w, string alias, ColumnInfo column, IReadOnlyList<JsonPathStep> path, int steps)
    {
        if (steps == 0)
        {
            w.Column(alias, column);
            return;
        }
        var step = path[steps - 1];
        if (step.Key is { } key)
        {
            w.Sql("JSON_EXTRACT(");
            WriteAt(w, alias, column, path, steps - 1);
            w.Sql(", ").Parameter(new QueryParameter(ScalarKind.String, null, KeyPath(key))).Sql(')');
            return;
        }
        w.Sql("CASE WHEN JSON_TYPE(");
        WriteAt(w, alias, column, path, steps - 1);
        w.Sql(") = 'ARRAY' THEN JSON_EXTRACT(");
        WriteAt(w, alias, column, path, steps - 1);
        w.Sql(", ").Parameter(new QueryParameter(ScalarKind.String, null, "$[" + step.Index.ToString(CultureInfo.InvariantCulture) + "]")).Sql(") END");
    }

    /// <summary><c>$."key"</c>, the key's quotes and backslashes escaped as a JSON string's.</summary>
    private static string KeyPath(string key)
    {
        var path = new StringBuilder("$.\"", key.Length + 4);
        foreach (char c in key)
        {
            if (c is '"' or '\\') path.Append('\\');
            path.Append(c);
        }
        return path.Append('"').ToString();
    }
}
