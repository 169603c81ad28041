using System.Text;
using System.Text.Json.Nodes;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Sqlite.Runtime;

public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    /// <remarks>
    /// SQLite keeps a document's text as written: <c>json()</c> only drops the spacing, and keeps key
    /// order, a number's spelling (<c>1.0</c>, <c>1e2</c>) and escapes (<c>"\u0041"</c>). So documents
    /// are compared through a canonical text written in SQL from <c>json_tree</c>: one line per node,
    /// its path of decoded keys and indexes, its type and its value, numbers by value, the lines in
    /// path order. The value at a path is <c>doc -&gt; path</c> (JSON text, null when the path is
    /// missing), its type <c>json_type</c>. Needs SQLite 3.44 (the bundled one is 3.50).
    /// </remarks>
    public override void WriteJsonFilter(SqlWriter writer, string alias, JsonCondition condition)
    {
        var column = condition.Column;
        string? path = condition.IsRoot ? null : PathText(condition.Path);
        void Value(SqlWriter w)
        {
            if (path == null) w.Column(alias, column);
            else w.Sql('(').Column(alias, column).Sql(" -> ").Parameter(Text(path)).Sql(')');
        }
        void Given(SqlWriter w) => w.Parameter(Text(condition.Json!));
        switch (condition.Operator)
        {
            case JsonOperator.Equals:
                Canonical(writer, Value);
                writer.Sql(" = ");
                Canonical(writer, Given);
                return;
            case JsonOperator.NotEquals:
                Canonical(writer, Value);
                writer.Sql(" <> ");
                Canonical(writer, Given);
                return;
        }
        // A value of another type fails the test; a missing one leaves it unknown.
        writer.Sql("CASE WHEN json_type(");
        Value(writer);
        writer.Sql(condition.IsStringMatch ? ") = 'text' THEN " : ") = 'array' THEN ");
        switch (condition.Operator)
        {
            case JsonOperator.ArrayContains:
                // Each given value equals some element: no given value lacks one.
                var given = writer.NextAlias();
                var element = writer.NextAlias();
                writer.Sql("NOT EXISTS (SELECT 1 FROM json_each(");
                Given(writer);
                writer.Sql(") ").Sql(given).Sql(" WHERE NOT EXISTS (SELECT 1 FROM json_each(");
                Value(writer);
                writer.Sql(") ").Sql(element).Sql(" WHERE ");
                Canonical(writer, w => { w.Sql('('); Value(w); w.Sql(" -> ").Sql(element).Sql(".fullkey)"); });
                writer.Sql(" = ");
                Canonical(writer, w => { w.Sql('('); Given(w); w.Sql(" -> ").Sql(given).Sql(".fullkey)"); });
                writer.Sql("))");
                break;
            case JsonOperator.ArrayStartsWith or JsonOperator.ArrayEndsWith:
                // An empty array has no first or last element: false, not unknown.
                writer.Sql("coalesce(");
                Canonical(writer, w => { w.Sql('('); Value(w); w.Sql(condition.Operator == JsonOperator.ArrayStartsWith ? " -> '$[0]')" : " -> '$[#-1]')"); });
                writer.Sql(" = ");
                Canonical(writer, Given);
                writer.Sql(", 0)");
                break;
            default:
                WriteBytesMatch(writer, w => { w.Sql('('); Value(w); w.Sql(" ->> '$')"); }, condition.TextOperator, condition.Text!, insensitive: false);
                break;
        }
        writer.Sql(" WHEN ");
        Value(writer);
        writer.Sql(" IS NULL THEN NULL ELSE 0 END");
    }

    /// <summary>
    /// Writes the canonical text of the JSON document <paramref name="json"/> writes (null for null):
    /// equal for documents equal by value, whatever their key order, spacing, escapes or number spelling.
    /// </summary>
    private static void Canonical(SqlWriter writer, Action<SqlWriter> json)
    {
        var nodes = writer.NextAlias();
        var paths = writer.NextAlias();
        writer.Sql("(WITH RECURSIVE ").Sql(nodes).Sql("(id, parent, key, type, atom) AS MATERIALIZED (SELECT id, parent, key, type, atom FROM json_tree(");
        json(writer);
        writer.Sql(")), ").Sql(paths).Sql("(id, path, type, atom) AS (SELECT id, '', type, atom FROM ").Sql(nodes).Sql(" WHERE parent IS NULL UNION ALL SELECT ")
            .Sql(nodes).Sql(".id, ").Sql(paths).Sql(".path || ',' || json_quote(").Sql(nodes).Sql(".key), ").Sql(nodes).Sql(".type, ").Sql(nodes).Sql(".atom FROM ")
            .Sql(nodes).Sql(" JOIN ").Sql(paths).Sql(" ON ").Sql(nodes).Sql(".parent = ").Sql(paths).Sql(".id)")
            // A number by value: an integral one as an integer (1.0 and 1e2 as 1 and 100), another as SQLite quotes the double.
            .Sql(" SELECT group_concat(path || ' ' || CASE WHEN type IN ('integer', 'real') THEN 'n ' || CASE WHEN atom = CAST(atom AS INTEGER) THEN CAST(CAST(atom AS INTEGER) AS TEXT) ELSE quote(atom) END")
            .Sql(" ELSE type || ' ' || coalesce(quote(atom), '') END, char(10) ORDER BY path) FROM ").Sql(paths).Sql(')');
    }

    /// <summary>SQLite's JSON path of the steps: <c>$."key"[0]</c>, each key quoted with JSON's escapes.</summary>
    private static string PathText(IReadOnlyList<JsonPathStep> steps)
    {
        var text = new StringBuilder("$");
        foreach (var step in steps)
        {
            if (step.Key is { } key) text.Append('.').Append(JsonValue.Create(key).ToJsonString());
            else text.Append('[').Append(step.Index).Append(']');
        }
        return text.ToString();
    }

    private static QueryParameter Text(string value) => new(ScalarKind.String, null, value);
}
