using System.Globalization;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.MySql.Runtime;

public sealed partial class MySqlDialect
{
    /// <inheritdoc />
    /// <remarks>
    /// Equality by value through MariaDB's <c>JSON_EQUALS</c> (key order, spacing and number spelling do
    /// not matter); the value at a path is <c>JSON_EXTRACT</c> of one step at a time, null when missing
    /// (see <see cref="WriteAt"/>). An array holds the given values when each equals one of its elements.
    /// </remarks>
    public override void WriteJsonFilter(SqlWriter writer, string alias, JsonCondition condition)
    {
        var column = condition.Column;
        var path = condition.Path;
        void Value(SqlWriter w) => WriteAt(w, alias, column, path, path.Count);
        var given = MySqlJson.Respell(condition.Json);
        void Given(SqlWriter w) => w.Parameter(new QueryParameter(ScalarKind.Json, null, given));
        switch (condition.Operator)
        {
            case JsonOperator.Equals or JsonOperator.NotEquals:
                // Compared with 1 or 0: MariaDB 10.11 takes a bare JSON_EQUALS that is NULL (a missing path) as true in a WHERE.
                writer.Sql("JSON_EQUALS(");
                Value(writer);
                writer.Sql(", ");
                Given(writer);
                writer.Sql(condition.Operator == JsonOperator.Equals ? ") = 1" : ") = 0");
                return;
        }
        // A value of another type fails the test; a missing one leaves it unknown.
        writer.Sql("CASE WHEN JSON_TYPE(");
        Value(writer);
        writer.Sql(condition.IsStringMatch ? ") = 'STRING' THEN " : ") = 'ARRAY' THEN ");
        switch (condition.Operator)
        {
            case JsonOperator.ArrayContains:
                // Each given value equals a whole element (JSON_CONTAINS would also take an object holding
                // the given one's keys): the elements are numbered by JSON_TABLE and compared by JSON_EQUALS.
                var g = writer.NextAlias();
                var e = writer.NextAlias();
                writer.Sql("NOT EXISTS (SELECT 1 FROM JSON_TABLE(");
                Given(writer);
                writer.Sql(", '$[*]' COLUMNS (i FOR ORDINALITY)) ").Sql(g).Sql(" WHERE NOT EXISTS (SELECT 1 FROM JSON_TABLE(");
                Value(writer);
                writer.Sql(", '$[*]' COLUMNS (i FOR ORDINALITY)) ").Sql(e).Sql(" WHERE JSON_EQUALS(JSON_EXTRACT(");
                Value(writer);
                writer.Sql(", CONCAT('$[', ").Sql(e).Sql(".i - 1, ']')), JSON_EXTRACT(");
                Given(writer);
                writer.Sql(", CONCAT('$[', ").Sql(g).Sql(".i - 1, ']'))) = 1))");
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
            // MariaDB 10.11 reads a path key that starts with '-', quoted or not, as a negative array index and finds nothing.
            if (key.StartsWith('-'))
                throw new StrataException(ErrorCodes.InvalidQuery, $"A Json path on MariaDB cannot name the key \"{key}\" of {column.FieldName}: MariaDB reads a key that starts with '-' as an array index and would match nothing.");
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

    /// <summary><c>$."key"</c>, the key spelled as Strata stores keys (<see cref="MySqlJson"/>).</summary>
    private static string KeyPath(string key) => "$." + MySqlJson.Key(key);
}
