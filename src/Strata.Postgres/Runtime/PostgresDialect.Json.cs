using Strata.Metadata;
using Strata.Queries;

namespace Strata.Postgres.Runtime;

public sealed partial class PostgresDialect
{
    /// <inheritdoc />
    /// <remarks>
    /// Through <c>jsonb</c>, whose equality is by value (key order, spacing and number spelling do not
    /// matter); a <c>json</c> column is cast. The value at a path is <c>doc -&gt; step -&gt; step</c>, each
    /// step a parameter, null when the path is missing (see <see cref="WriteAt"/>).
    /// </remarks>
    public override void WriteJsonFilter(SqlWriter writer, string alias, JsonCondition condition)
    {
        var column = condition.Column;
        var path = condition.Path;
        void Value(SqlWriter w) => WriteAt(w, alias, column, path, path.Count);
        void Given(SqlWriter w) => w.Parameter(new QueryParameter(ScalarKind.Json, null, condition.Json));
        switch (condition.Operator)
        {
            case JsonOperator.Equals:
                Value(writer);
                writer.Sql(" = ");
                Given(writer);
                return;
            case JsonOperator.NotEquals:
                Value(writer);
                writer.Sql(" <> ");
                Given(writer);
                return;
        }
        // A value of another type fails the test; a missing one leaves it unknown. The branch also keeps
        // jsonb_array_elements from ever seeing a non-array.
        writer.Sql("CASE WHEN jsonb_typeof(");
        Value(writer);
        writer.Sql(condition.IsStringMatch ? ") = 'string' THEN " : ") = 'array' THEN ");
        switch (condition.Operator)
        {
            case JsonOperator.ArrayContains:
                var given = writer.NextAlias();
                var element = writer.NextAlias();
                writer.Sql("NOT EXISTS (SELECT 1 FROM jsonb_array_elements(");
                Given(writer);
                writer.Sql(") ").Sql(given).Sql("(x) WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(");
                Value(writer);
                writer.Sql(") ").Sql(element).Sql("(x) WHERE ").Sql(element).Sql(".x = ").Sql(given).Sql(".x))");
                break;
            case JsonOperator.ArrayStartsWith or JsonOperator.ArrayEndsWith:
                // An empty array has no first or last element: false, not unknown.
                writer.Sql("coalesce((");
                Value(writer);
                writer.Sql(condition.Operator == JsonOperator.ArrayStartsWith ? " -> 0) = " : " -> -1) = ");
                Given(writer);
                writer.Sql(", false)");
                break;
            default:
                writer.Sql('(');
                Value(writer);
                writer.Sql(" #>> '{}') LIKE ").Parameter(new QueryParameter(ScalarKind.String, null, LikePattern(condition.TextOperator, condition.Text!))).Sql(" ESCAPE '\\'");
                break;
        }
        writer.Sql(" WHEN ");
        Value(writer);
        writer.Sql(" IS NULL THEN NULL ELSE false END");
    }

    /// <summary>
    /// Writes the value at the first <paramref name="steps"/> steps of <paramref name="path"/>: a key as
    /// text, an index as an integer, so that jsonb's <c>-&gt;</c> reads an object's key or an array's
    /// element only (#&gt; with a text[] would read an index's digits as a key too). An index reads
    /// arrays only: jsonb's <c>-&gt; 0</c> on a scalar gives the scalar.
    /// </summary>
    private static void WriteAt(SqlWriter w, string alias, ColumnInfo column, IReadOnlyList<JsonPathStep> path, int steps)
    {
        if (steps == 0)
        {
            w.Column(alias, column);
            if (column.NativeType == "Json") w.Sql("::jsonb");
            return;
        }
        var step = path[steps - 1];
        // The casts put the step's kind in the SQL text, so a statement kept for one shape never binds the other.
        if (step.Key is { } key)
        {
            w.Sql('(');
            WriteAt(w, alias, column, path, steps - 1);
            w.Sql(" -> ").Parameter(new QueryParameter(ScalarKind.String, null, key)).Sql("::text)");
            return;
        }
        // The prefix is written once (a subquery names it), so the SQL grows with the path, not twice per index.
        var prefix = w.NextAlias();
        w.Sql("(SELECT CASE WHEN jsonb_typeof(").Sql(prefix).Sql(".v) = 'array' THEN ").Sql(prefix).Sql(".v -> ").Parameter(step.Index).Sql("::integer END FROM (SELECT ");
        WriteAt(w, alias, column, path, steps - 1);
        w.Sql(") ").Sql(prefix).Sql("(v))");
    }
}
